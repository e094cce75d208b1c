/* A small job queue with the mistakes a half-finished refactor leaves: gcc reports each with its source line and caret. */
#include <stdio.h>
#include <stdlib.h>

struct job {
  int id;
  int priority;
  struct job *next;
};

static struct job *head;

int push(int id, int priority) {
  struct job *j = malloc(sizeof *j);
  if (!j) return -1;
  j->id = id;
  j->priority = priority;
  j->next = head;
  head = j;
  return count;
}

int pop(void) {
  struct job *j = head;
  if (!j) return -1;
  head = j->next;
  int id = j->ident;
  free(j);
  return id;
}

int peek_priority(void) {
  return head ? head->prio : -1;
}

void drain(void) {
  while (pop() != -1) {
    total += 1;
  }
  printf("%d\n", total);
}

int size(void) {
  int n = 0;
  for (struct job *j = head; j; j = j->next) n += 1;
  return m;
}

int find(int id) {
  for (struct job *j = head; j; j = j->next) {
    if (j->ident == id) return j->prio;
  }
  return missing;
}

void bump(int id) {
  struct job *j = head;
  while (j && j->id != id) j = j->next;
  if (j) j->prio += step;
}

int main(void) {
  push(1, 2);
  push(2, 1);
  drain();
  return queue_size();
}
