// A job queue mid-refactor: `priority` was renamed from `prio` in some places only, and helpers
// were deleted. javac reports each error with its source line, caret, symbol and location.
import java.util.ArrayList;
import java.util.List;

public class BrokenQueue {
  static class Job {
    int id;
    int priority;
    Job(int id, int priority) { this.id = id; this.priority = priority; }
  }

  private final List<Job> jobs = new ArrayList<>();

  void push(int id) { jobs.add(new Job(id, prio)); }

  int total() {
    int sum = 0;
    for (Job job : jobs) sum += job.prio;
    return sum + count;
  }

  int highest() {
    int best = 0;
    for (Job job : jobs) best = Math.max(best, job.prio);
    return best;
  }

  Job find(int id) {
    for (Job job : jobs) if (job.ident == id) return job;
    return missing;
  }

  String describe() { return total(); }

  void drain() {
    while (!jobs.isEmpty()) processed += jobs.remove(0).id;
    report(jobs);
  }
}
