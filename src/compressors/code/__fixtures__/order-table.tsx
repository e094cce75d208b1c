import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';

export interface Order {
  id: string;
  customer: string;
  total: number;
  status: 'open' | 'shipped' | 'cancelled';
}

interface OrderTableProps {
  orders: Order[];
  onSelect?: (order: Order) => void;
  emptyMessage?: ReactNode;
}

type SortKey = keyof Pick<Order, 'customer' | 'total'>;

function formatTotal(total: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(total);
}

export function OrderTable({ orders, onSelect, emptyMessage = 'No orders' }: OrderTableProps) {
  const [sortKey, setSortKey] = useState<SortKey>('customer');
  const [descending, setDescending] = useState(false);
  const sorted = useMemo(() => {
    const copy = [...orders];
    copy.sort((a, b) => {
      const left = a[sortKey];
      const right = b[sortKey];
      const order = left < right ? -1 : left > right ? 1 : 0;
      return descending ? -order : order;
    });
    return copy;
  }, [orders, sortKey, descending]);
  const toggle = (key: SortKey) => {
    if (key === sortKey) setDescending(!descending);
    else setSortKey(key);
  };
  if (sorted.length === 0) {
    return <p className="empty">{emptyMessage}</p>;
  }
  return (
    <table className="orders">
      <thead>
        <tr>
          <th onClick={() => toggle('customer')}>Customer</th>
          <th onClick={() => toggle('total')}>Total</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((order) => (
          <tr key={order.id} onClick={() => onSelect?.(order)} className={order.status}>
            <td>{order.customer}</td>
            <td>{formatTotal(order.total)}</td>
            <td>{order.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function summarize(orders: Order[]): { open: number; shipped: number; revenue: number } {
  let open = 0;
  let shipped = 0;
  let revenue = 0;
  for (const order of orders) {
    if (order.status === 'open') open += 1;
    if (order.status === 'shipped') {
      shipped += 1;
      revenue += order.total;
    }
  }
  const result = { open, shipped, revenue };
  console.debug('summary', result);
  return result;
}
