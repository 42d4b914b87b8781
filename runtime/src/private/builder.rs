//! `.open(path)` or `.create(path)` on a std builder whose flags the
//! rewrite could not read: one bound by a pattern, passed in, held in a
//! field, or made by a function value. Its flags may make the call a write anywhere,
//! so the receiver's type decides: a std `OpenOptions` (for `open`) or
//! `DirBuilder` (for `create`) is refused, anything else passes as written.
//! Only the terminal's own builder counts: `opts.create(flag)` on an
//! `OpenOptions` sets a flag, and passes.
//
// Input:  mk().write(true).create(true).open(p)      (`let mk = OpenOptions::new;`)
// Output: Probe(mk().write(true).create(true))
//             .__ephemeral_fs_deny_unseen_open_options().open(p)
//
// Input:  opts.open(p)                      (a parameter `opts: &OpenOptions`)
// Output: after(Probe(&opts).__ephemeral_fs_deny_unseen_open_options_in_place(), opts.open(p))

use std::fs::{DirBuilder, OpenOptions};

use super::escape::{Checked, Passing, TypeOf};
use crate::sealed::Sealed;

/// A std `OpenOptions`, seen through references, `Box`, `Rc`, `Arc`, the
/// std lazy cells (`static OPTS: LazyLock<OpenOptions>`), the guards of
/// std's locks and cells (`opts.lock().unwrap()`, `opts.borrow()`), `Cow`,
/// `AssertUnwindSafe`, `ManuallyDrop` and `Pin`.
pub trait UnseenOpenOptions: Sealed {
    type Builder;
}

/// A std `DirBuilder`, seen through the same pointers.
pub trait UnseenDirBuilder: Sealed {
    type Builder;
}

macro_rules! seen_through {
    ($trait:ident, $builder:ty) => {
        impl $trait for $builder {
            type Builder = $builder;
        }
        impl<T: $trait + ?Sized> $trait for &T {
            type Builder = T::Builder;
        }
        impl<T: $trait + ?Sized> $trait for &mut T {
            type Builder = T::Builder;
        }
        impl<T: $trait + ?Sized> $trait for Box<T> {
            type Builder = T::Builder;
        }
        impl<T: $trait + ?Sized> $trait for TypeOf<T> {
            type Builder = T::Builder;
        }
        impl<T: $trait + ?Sized> $trait for std::rc::Rc<T> {
            type Builder = T::Builder;
        }
        impl<T: $trait + ?Sized> $trait for std::sync::Arc<T> {
            type Builder = T::Builder;
        }
        impl<T: $trait, F> $trait for std::sync::LazyLock<T, F> {
            type Builder = T::Builder;
        }
        impl<T: $trait, F> $trait for std::cell::LazyCell<T, F> {
            type Builder = T::Builder;
        }
        impl<T: $trait + ?Sized> $trait for std::sync::MutexGuard<'_, T> {
            type Builder = T::Builder;
        }
        impl<T: $trait + ?Sized> $trait for std::sync::RwLockReadGuard<'_, T> {
            type Builder = T::Builder;
        }
        impl<T: $trait + ?Sized> $trait for std::sync::RwLockWriteGuard<'_, T> {
            type Builder = T::Builder;
        }
        impl<T: $trait + ?Sized> $trait for std::cell::Ref<'_, T> {
            type Builder = T::Builder;
        }
        impl<T: $trait + ?Sized> $trait for std::cell::RefMut<'_, T> {
            type Builder = T::Builder;
        }
        impl<T: $trait + Clone> $trait for std::borrow::Cow<'_, T> {
            type Builder = T::Builder;
        }
        impl<T: $trait> $trait for std::panic::AssertUnwindSafe<T> {
            type Builder = T::Builder;
        }
        impl<T: $trait + ?Sized> $trait for std::mem::ManuallyDrop<T> {
            type Builder = T::Builder;
        }
        impl<P: $trait> $trait for std::pin::Pin<P> {
            type Builder = P::Builder;
        }
    };
}

seen_through!(UnseenOpenOptions, OpenOptions);
seen_through!(UnseenDirBuilder, DirBuilder);

/// A `warn`-level probe of a std builder: its method is deprecated.
pub struct Unseen<T>(pub(super) T);

/// Any other receiver passes as it is.
pub trait UnseenBuilderFallback<T>: Sealed {
    fn __ephemeral_fs_deny_unseen_open_options(self) -> T;
    fn __ephemeral_fs_deny_unseen_open_options_in_place(self) -> Checked;
    fn __ephemeral_fs_warn_unseen_open_options(self) -> Passing<T>;
    fn __ephemeral_fs_warn_unseen_open_options_in_place(self) -> Passing<Checked>;
    fn __ephemeral_fs_deny_unseen_dir_builder(self) -> T;
    fn __ephemeral_fs_deny_unseen_dir_builder_in_place(self) -> Checked;
    fn __ephemeral_fs_warn_unseen_dir_builder(self) -> Passing<T>;
    fn __ephemeral_fs_warn_unseen_dir_builder_in_place(self) -> Passing<Checked>;
}

impl<T> UnseenBuilderFallback<T> for super::Probe<T> {
    #[inline(always)]
    fn __ephemeral_fs_deny_unseen_open_options(self) -> T {
        self.0
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_unseen_open_options_in_place(self) -> Checked {
        Checked
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_unseen_open_options(self) -> Passing<T> {
        Passing(self.0)
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_unseen_open_options_in_place(self) -> Passing<Checked> {
        Passing(Checked)
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_unseen_dir_builder(self) -> T {
        self.0
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_unseen_dir_builder_in_place(self) -> Checked {
        Checked
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_unseen_dir_builder(self) -> Passing<T> {
        Passing(self.0)
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_unseen_dir_builder_in_place(self) -> Passing<Checked> {
        Passing(Checked)
    }
}

impl<T> Passing<T> {
    #[inline(always)]
    pub fn builder_flags_are_not_in_sight(self) -> T {
        self.0
    }
}

#[allow(deprecated)]
impl<T> crate::lint::UnseenBuilderFlags for Unseen<T> {
    type Output = T;

    #[inline(always)]
    fn builder_flags_are_not_in_sight(self) -> T {
        self.0
    }
}
