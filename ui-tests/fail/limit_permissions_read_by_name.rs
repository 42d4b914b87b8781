// A limit, pinned: `permissions(..)` and `tempdir()` are read by their
// names, so a function that calls a `tempdir()` of its own and a
// `permissions(..)` of another type is refused as if it made a temp
// directory with that mode. The allowed copy below is how to keep it.
use ephemeral_fs::ephemeral_fs;

pub struct Bucket(pub String);

impl Bucket {
    pub fn tempdir(&self) -> String {
        format!("{}/scratch/", self.0)
    }
}

#[derive(Debug)]
pub enum Acl {
    Private,
    PublicRead,
}

#[derive(Debug)]
pub struct Share {
    pub prefix: String,
    pub acl: Acl,
}

impl Share {
    pub fn permissions(mut self, acl: Acl) -> Self {
        self.acl = acl;
        self
    }
}

#[ephemeral_fs]
pub fn publish(bucket: &Bucket, public: bool) -> Share {
    let acl = if public { Acl::PublicRead } else { Acl::Private };
    let share = Share { prefix: bucket.tempdir(), acl: Acl::Private };
    share.permissions(acl)
}

#[ephemeral_fs]
pub fn publish_allowed(bucket: &Bucket, public: bool) -> Share {
    let acl = if public { Acl::PublicRead } else { Acl::Private };
    let share = Share { prefix: bucket.tempdir(), acl: Acl::Private };
    #[ephemeral_fs::allow(temp_escape, reason = "an object store ACL, not a directory's mode")]
    let share = share.permissions(acl);
    share
}

fn main() {}
