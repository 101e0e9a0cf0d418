//! Day 1, Scientific data: bits, bytes and file formats (being written).
use criterion::{Criterion, criterion_group, criterion_main};

fn nothing_yet(_c: &mut Criterion) {}

criterion_group!(benches, nothing_yet);
criterion_main!(benches);
