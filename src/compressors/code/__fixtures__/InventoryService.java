package com.example.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** Keeps stock levels per SKU and records every change. */
public class InventoryService {
    /** One change to a SKU's stock. */
    public record Movement(String sku, int delta, String reason) {}

    private final Map<String, Integer> stock = new HashMap<>();
    private final List<Movement> journal = new ArrayList<>();
    private final int lowWatermark;

    static {
        System.setProperty("inventory.loaded", "true");
    }

    public InventoryService(int lowWatermark) {
        if (lowWatermark < 0) {
            throw new IllegalArgumentException("lowWatermark must not be negative");
        }
        this.lowWatermark = lowWatermark;
    }

    public int level(String sku) {
        return stock.getOrDefault(Objects.requireNonNull(sku), 0);
    }

    /** Applies a movement; refuses to go below zero. */
    public int apply(Movement movement) {
        Objects.requireNonNull(movement, "movement");
        int current = level(movement.sku());
        int next = current + movement.delta();
        if (next < 0) {
            throw new IllegalStateException(
                "stock of " + movement.sku() + " would go to " + next);
        }
        stock.put(movement.sku(), next);
        journal.add(movement);
        if (next < lowWatermark) {
            notifyLow(movement.sku(), next);
        }
        return next;
    }

    /** SKUs whose level is below the watermark, sorted. */
    public List<String> lowStock() {
        Predicate<Map.Entry<String, Integer>> isLow = entry -> {
            int level = entry.getValue();
            boolean low = level < lowWatermark;
            if (low) {
                System.out.println("low: " + entry.getKey());
            }
            return low;
        };
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : stock.entrySet()) {
            if (isLow.test(entry)) {
                result.add(entry.getKey());
            }
        }
        Collections.sort(result);
        return result;
    }

    private void notifyLow(String sku, int level) {
        String message = String.format("%s is low (%d left)", sku, level);
        System.err.println(message);
    }

    public List<Movement> journal() {
        return Collections.unmodifiableList(journal);
    }
}
