//! Each guarded operation against the same std call on the same temp file.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ephemeral_fs::TempDirExt;
use ephemeral_fs_benches::ops;
use tempfile::{NamedTempFile, TempDir};

fn write(c: &mut Criterion, label: &str, size: usize) {
    let tmp = NamedTempFile::new().expect("temp file");
    let data = vec![7u8; size];
    let mut group = c.benchmark_group(format!("runtime/write_{label}"));
    group.bench_function("std", |b| b.iter(|| ops::plain_write(black_box(&tmp), black_box(&data))));
    group.bench_function("ephemeral_fs", |b| b.iter(|| ops::guarded_write(black_box(&tmp), black_box(&data))));
    group.finish();
}

fn runtime(c: &mut Criterion) {
    write(c, "4KiB", 4 << 10);
    write(c, "16MiB", 16 << 20);

    let tmp = NamedTempFile::new().expect("temp file");
    let mut group = c.benchmark_group("runtime/file_create");
    group.bench_function("std", |b| b.iter(|| ops::plain_create(black_box(&tmp))));
    group.bench_function("ephemeral_fs", |b| b.iter(|| ops::guarded_create(black_box(&tmp))));
    group.finish();

    let dir = TempDir::new().expect("temp dir");
    let tree = dir.child("a/b/c/d").expect("child");
    let mut group = c.benchmark_group("runtime/create_dir_all");
    group.bench_function("std", |b| b.iter(|| ops::plain_create_dir_all(black_box(&tree))));
    group.bench_function("ephemeral_fs", |b| b.iter(|| ops::guarded_create_dir_all(black_box(&tree))));
    group.finish();
}

criterion_group!(benches, runtime);
criterion_main!(benches);
