//! The expansion against the identity floor, on the same inputs, in the
//! same run. `scripts/bench-report.py` turns the results into ratios.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ephemeral_fs_benches::{all, identity_floor};
use proc_macro2::TokenStream;

fn expansion(c: &mut Criterion) {
    for fixture in all() {
        let tokens = fixture.tokens();
        let mut group = c.benchmark_group(format!("expansion/{}", fixture.name));
        group.bench_function("floor", |b| {
            b.iter_batched(|| tokens.clone(), |t| black_box(identity_floor(t)), BatchSize::SmallInput)
        });
        group.bench_function("ephemeral_fs", |b| {
            b.iter_batched(
                || tokens.clone(),
                |t| black_box(ephemeral_fs_core::expand(TokenStream::new(), t)),
                BatchSize::SmallInput,
            )
        });
        group.finish();
    }
}

criterion_group!(benches, expansion);
criterion_main!(benches);
