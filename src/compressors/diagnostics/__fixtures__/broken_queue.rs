// A job queue mid-refactor: `priority` was renamed from `prio` in some places only, and a few helpers
// were deleted. rustc reports each error with its place, source excerpt and help.
struct Job {
    id: u32,
    priority: u8,
}

fn push(queue: &mut Vec<Job>, id: u32) {
    queue.push(Job { id, prio: 3 });
}

fn total(queue: &Vec<Job>) -> u32 {
    let mut sum: u32 = 0;
    for job in queue {
        sum += job.prio;
    }
    sum + count
}

fn highest(queue: &Vec<Job>) -> u8 {
    queue.iter().map(|job| job.prio).max().unwrap_or(0)
}

fn find(queue: &Vec<Job>, id: u32) -> Option<&Job> {
    queue.iter().find(|job| job.ident == id)
}

fn drain(queue: &mut Vec<Job>) {
    while let Some(job) = queue.pop() {
        processed += job.id;
    }
}

fn main() {
    let mut q = Vec::new();
    push(&mut q, 1);
    push(&mut q, 2);
    let t: String = total(&q);
    println!("{} {}", t, highest(&q) + missing);
    drain(&mut q);
    report(&q);
}
