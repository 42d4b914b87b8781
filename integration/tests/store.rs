//! `ephemeral_fs::store::put_file` against object_store's in-memory store,
//! wrapped to watch how it is called.

use std::io::Write;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use ephemeral_fs::TempDirExt;
use ephemeral_fs::store::{KeyError, PART_SIZE, put_file};
use futures_util::stream::BoxStream;
use object_store::memory::InMemory;
use object_store::path::Path;
use object_store::{
    CopyOptions, GetOptions, GetResult, ListResult, MultipartUpload, ObjectMeta, ObjectStore,
    ObjectStoreExt, PutMultipartOptions, PutOptions, PutPayload, PutResult, UploadPart,
};
use tempfile::NamedTempFile;

/// What the wrapped store saw.
#[derive(Debug, Default)]
struct Calls {
    puts: AtomicUsize,
    multiparts: AtomicUsize,
    part_sizes: Mutex<Vec<usize>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    aborts: AtomicUsize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Failure {
    None,
    Put,
    PutNotFound,
    ThirdPart,
}

/// An in-memory store that counts calls, and fails where told to.
#[derive(Debug)]
struct Watched {
    inner: InMemory,
    calls: Arc<Calls>,
    fail: Failure,
}

impl Watched {
    fn new(fail: Failure) -> Self {
        Watched {
            inner: InMemory::new(),
            calls: Arc::default(),
            fail,
        }
    }

    async fn bytes(&self, key: &Path) -> Vec<u8> {
        self.inner
            .get(key)
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .to_vec()
    }
}

impl std::fmt::Display for Watched {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Watched({})", self.inner)
    }
}

fn generic(message: &str) -> object_store::Error {
    object_store::Error::Generic {
        store: "Watched",
        source: message.into(),
    }
}

#[async_trait]
impl ObjectStore for Watched {
    async fn put_opts(
        &self,
        location: &Path,
        payload: PutPayload,
        opts: PutOptions,
    ) -> object_store::Result<PutResult> {
        self.calls.puts.fetch_add(1, Ordering::SeqCst);
        match self.fail {
            Failure::Put => Err(generic("the disk is on fire")),
            Failure::PutNotFound => Err(object_store::Error::NotFound {
                path: location.to_string(),
                source: "gone".into(),
            }),
            _ => self.inner.put_opts(location, payload, opts).await,
        }
    }

    async fn put_multipart_opts(
        &self,
        location: &Path,
        opts: PutMultipartOptions,
    ) -> object_store::Result<Box<dyn MultipartUpload>> {
        self.calls.multiparts.fetch_add(1, Ordering::SeqCst);
        let inner = self.inner.put_multipart_opts(location, opts).await?;
        Ok(Box::new(WatchedUpload {
            inner,
            calls: Arc::clone(&self.calls),
            fail: self.fail,
        }))
    }

    async fn get_opts(
        &self,
        location: &Path,
        options: GetOptions,
    ) -> object_store::Result<GetResult> {
        self.inner.get_opts(location, options).await
    }

    async fn get_ranges(
        &self,
        location: &Path,
        ranges: &[Range<u64>],
    ) -> object_store::Result<Vec<bytes::Bytes>> {
        self.inner.get_ranges(location, ranges).await
    }

    fn delete_stream(
        &self,
        locations: BoxStream<'static, object_store::Result<Path>>,
    ) -> BoxStream<'static, object_store::Result<Path>> {
        self.inner.delete_stream(locations)
    }

    fn list(&self, prefix: Option<&Path>) -> BoxStream<'static, object_store::Result<ObjectMeta>> {
        self.inner.list(prefix)
    }

    async fn list_with_delimiter(&self, prefix: Option<&Path>) -> object_store::Result<ListResult> {
        self.inner.list_with_delimiter(prefix).await
    }

    async fn copy_opts(
        &self,
        from: &Path,
        to: &Path,
        options: CopyOptions,
    ) -> object_store::Result<()> {
        self.inner.copy_opts(from, to, options).await
    }
}

#[derive(Debug)]
struct WatchedUpload {
    inner: Box<dyn MultipartUpload>,
    calls: Arc<Calls>,
    fail: Failure,
}

#[async_trait]
impl MultipartUpload for WatchedUpload {
    fn put_part(&mut self, data: PutPayload) -> UploadPart {
        let calls = Arc::clone(&self.calls);
        let number = {
            let mut sizes = calls.part_sizes.lock().unwrap();
            sizes.push(data.content_length());
            sizes.len()
        };
        let now = calls.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        calls.max_in_flight.fetch_max(now, Ordering::SeqCst);
        let fail = self.fail == Failure::ThirdPart && number == 3;
        let part = self.inner.put_part(data);
        Box::pin(async move {
            // Give the next parts a chance to be started while this one runs.
            tokio::task::yield_now().await;
            let result = if fail {
                Err(generic("part 3 was refused"))
            } else {
                part.await
            };
            calls.in_flight.fetch_sub(1, Ordering::SeqCst);
            result
        })
    }

    async fn complete(&mut self) -> object_store::Result<PutResult> {
        self.inner.complete().await
    }

    async fn abort(&mut self) -> object_store::Result<()> {
        self.calls.aborts.fetch_add(1, Ordering::SeqCst);
        self.inner.abort().await
    }
}

fn staged(data: &[u8]) -> NamedTempFile {
    let mut file = NamedTempFile::new().unwrap();
    file.write_all(data).unwrap();
    file.flush().unwrap();
    file
}

fn data(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 4096) as u8).collect()
}

#[tokio::test]
async fn a_small_file_is_one_put_and_the_owned_temp_file_is_removed() {
    let store = Watched::new(Failure::None);
    let body = data(1000);
    let file = staged(&body);
    let path = file.path().to_owned();
    let key = Path::from("uploads/small");
    put_file(&store, &key, file).await.unwrap();
    assert_eq!(store.bytes(&key).await, body);
    assert_eq!(store.calls.puts.load(Ordering::SeqCst), 1);
    assert_eq!(store.calls.multiparts.load(Ordering::SeqCst), 0);
    assert!(!path.exists(), "the owned temp file outlived the upload");
}

#[tokio::test]
async fn a_file_of_exactly_one_part_is_still_one_put() {
    let store = Watched::new(Failure::None);
    let body = data(PART_SIZE);
    let key = Path::from("uploads/one-part");
    put_file(&store, &key, staged(&body)).await.unwrap();
    assert_eq!(store.bytes(&key).await, body);
    assert_eq!(store.calls.puts.load(Ordering::SeqCst), 1);
    assert_eq!(store.calls.multiparts.load(Ordering::SeqCst), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_file_goes_up_in_bounded_parts() {
    let store = Watched::new(Failure::None);
    let body = data(3 * PART_SIZE + 12_345);
    let key = Path::from("uploads/large");
    put_file(&store, &key, staged(&body)).await.unwrap();
    assert!(store.bytes(&key).await == body, "contents differ");
    assert_eq!(store.calls.puts.load(Ordering::SeqCst), 0);
    assert_eq!(store.calls.multiparts.load(Ordering::SeqCst), 1);
    let sizes = store.calls.part_sizes.lock().unwrap().clone();
    assert_eq!(sizes, [PART_SIZE, PART_SIZE, PART_SIZE, 12_345]);
    // One part at a time: memory stays at about one part.
    assert_eq!(store.calls.max_in_flight.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn every_temp_handle_is_accepted_owned_or_borrowed() {
    let store = InMemory::new();
    let body = data(10);

    let named = staged(&body);
    put_file(&store, &Path::from("a"), &named).await.unwrap();
    assert!(
        named.path().exists(),
        "a borrowed temp file is the caller's"
    );

    let temp_path = staged(&body).into_temp_path();
    put_file(&store, &Path::from("b"), &temp_path)
        .await
        .unwrap();
    let path = temp_path.to_path_buf();
    put_file(&store, &Path::from("c"), temp_path).await.unwrap();
    assert!(!path.exists());

    let dir = tempfile::TempDir::new().unwrap();
    let scratch = dir.child("out/thumb.png").unwrap();
    std::fs::create_dir_all(dir.child("out").unwrap()).unwrap();
    std::fs::write(&scratch, &body).unwrap();
    put_file(&store, &Path::from("d"), &scratch).await.unwrap();
    put_file(&store, &Path::from("e"), scratch).await.unwrap();

    let mut named = staged(&body);
    put_file(&store, &Path::from("f"), &mut named)
        .await
        .unwrap();

    for key in ["a", "b", "c", "d", "e", "f"] {
        let stored = store.get(&Path::from(key)).await.unwrap().bytes().await;
        assert_eq!(stored.unwrap().to_vec(), body, "{key}");
    }
}

#[tokio::test]
async fn a_store_error_names_the_key_and_keeps_its_variant() {
    let store = Watched::new(Failure::Put);
    let key = Path::from("uploads/doomed");
    let error = put_file(&store, &key, staged(b"x")).await.unwrap_err();
    let object_store::Error::Generic {
        store: name,
        source,
    } = &error
    else {
        panic!("not Generic: {error:?}");
    };
    assert_eq!(*name, "Watched");
    assert_eq!(
        error.to_string(),
        "Generic Watched error: storing `uploads/doomed`: the disk is on fire"
    );
    let keyed = source
        .downcast_ref::<KeyError>()
        .expect("a KeyError source");
    assert_eq!(keyed.key(), "uploads/doomed");
    let original = std::error::Error::source(keyed).unwrap();
    assert_eq!(original.to_string(), "the disk is on fire");

    // A variant that carries the path already comes back untouched.
    let store = Watched::new(Failure::PutNotFound);
    let error = put_file(&store, &key, staged(b"x")).await.unwrap_err();
    assert!(
        matches!(&error, object_store::Error::NotFound { path, .. } if path == "uploads/doomed"),
        "{error:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_part_aborts_the_upload_and_names_the_key() {
    let store = Watched::new(Failure::ThirdPart);
    let key = Path::from("uploads/half");
    let error = put_file(&store, &key, staged(&data(4 * PART_SIZE)))
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("`uploads/half`") && error.to_string().contains("part 3"),
        "{error}"
    );
    assert_eq!(store.calls.aborts.load(Ordering::SeqCst), 1);
    assert!(
        store.inner.head(&key).await.is_err(),
        "a failed upload left an object"
    );
}

#[tokio::test]
async fn an_unreadable_staged_file_is_an_error_with_the_key() {
    let store = InMemory::new();
    let temp_path = staged(b"gone").into_temp_path();
    std::fs::remove_file(&temp_path).unwrap();
    let key = Path::from("uploads/missing");
    let error = put_file(&store, &key, &temp_path).await.unwrap_err();
    assert!(
        matches!(
            error,
            object_store::Error::Generic {
                store: "put_file",
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with("Generic put_file error: opening the staged file for `uploads/missing`: "),
        "{error}"
    );
    let object_store::Error::Generic { source, .. } = &error else {
        unreachable!()
    };
    let io = std::error::Error::source(source.downcast_ref::<KeyError>().unwrap())
        .and_then(|e| e.downcast_ref::<std::io::Error>())
        .expect("the io::Error is the source");
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
}
