//! Day 1, Parallel computing: threads, rayon and scaling (being written).
use criterion::{Criterion, criterion_group, criterion_main};

fn nothing_yet(_c: &mut Criterion) {}

criterion_group!(benches, nothing_yet);
criterion_main!(benches);
