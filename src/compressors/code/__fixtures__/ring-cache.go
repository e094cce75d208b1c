// Package ringcache keeps the most recent entries of a stream in a fixed ring.
package ringcache

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

// ErrEmpty is returned when the ring holds no entry.
var ErrEmpty = errors.New("ringcache: empty")

// Entry is one value with the time it was added.
type Entry struct {
	Key   string
	Value []byte
	Added time.Time
}

// Ring is a fixed-size cache; the oldest entry is overwritten first.
type Ring struct {
	mu      sync.Mutex
	entries []Entry
	next    int
	full    bool
	index   map[string]int
}

// New returns a ring of the given capacity.
func New(capacity int) (*Ring, error) {
	if capacity <= 0 {
		return nil, fmt.Errorf("ringcache: capacity %d must be positive", capacity)
	}
	return &Ring{entries: make([]Entry, capacity), index: make(map[string]int, capacity)}, nil
}

// Put adds or replaces the value for key.
func (r *Ring) Put(key string, value []byte, now time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if at, ok := r.index[key]; ok {
		r.entries[at].Value = value
		r.entries[at].Added = now
		return
	}
	old := r.entries[r.next]
	if r.full {
		delete(r.index, old.Key)
	}
	r.entries[r.next] = Entry{Key: key, Value: value, Added: now}
	r.index[key] = r.next
	r.next = (r.next + 1) % len(r.entries)
	if r.next == 0 {
		r.full = true
	}
}

// Oldest returns the entry that will be overwritten next.
func (r *Ring) Oldest() (Entry, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.full && r.next == 0 {
		return Entry{}, ErrEmpty
	}
	if r.full {
		return r.entries[r.next], nil
	}
	return r.entries[0], nil
}

// Expire drops entries added before the cutoff and returns their keys, sorted.
func (r *Ring) Expire(cutoff time.Time) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var dropped []string
	for key, at := range r.index {
		entry := r.entries[at]
		if entry.Added.Before(cutoff) {
			dropped = append(dropped, key)
			delete(r.index, key)
			r.entries[at] = Entry{}
		}
	}
	sort.Strings(dropped)
	go func() {
		for _, key := range dropped {
			fmt.Printf("expired %s\n", key)
		}
	}()
	return dropped
}

// Len is the number of live entries.
func (r *Ring) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.index)
}
