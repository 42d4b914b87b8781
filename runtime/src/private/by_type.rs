//! Calls through an associated type (`<Local as Backend>::Handle::create(p)`,
//! `B::Handle::create(p)`): which type the function belongs to is the
//! compiler's to know, once it has resolved the associated type.
//
// Input:  <Local as Backend>::Handle::create(p)
// Output: <Local as Backend>::Handle::create(
//             ::ephemeral_fs::__private::OnType::<<Local as Backend>::Handle>::new()
//                 .__ephemeral_fs_by_type_create(p))
// Input:  <Local as Backend>::Options::new()
// Output: ::ephemeral_fs::__private::OnType::<<Local as Backend>::Options>::new()
//             .__ephemeral_fs_by_type_new(<Local as Backend>::Options::new())
// Input:  .map(<Local as Backend>::Handle::create)     (a function value)
// Output: .map(OnType::<<Local as Backend>::Handle>::new()
//             .__ephemeral_fs_by_type_value(<Local as Backend>::Handle::create))
//
// `OnType<std::fs::File>` has inherent methods, which method resolution
// picks before anything reached through `Deref`: there the argument gets
// the bound `File::create`'s argument gets, and a builder is refused. `OnType` of any other type
// derefs to `OnOtherType`, whose methods pass their argument through. No
// trait is involved, so nothing needs to be imported at the call.

use std::marker::PhantomData;
use std::ops::Deref;

use crate::TempTarget;
use crate::bounds::{BuilderByType, ValueByType};
use crate::lint::persistent_write;

/// The type a function is called on, without a value.
pub struct OnType<T: ?Sized>(PhantomData<fn() -> *const T>);

impl<T: ?Sized> OnType<T> {
    // Made only by the expansion, by name: a `Default` would be one more
    // way in for nothing.
    #[allow(clippy::new_without_default)]
    #[inline(always)]
    pub const fn new() -> Self {
        OnType(PhantomData)
    }
}

/// Any type but those below: its functions take what they like.
pub struct OnOtherType;

impl<T: ?Sized> Deref for OnType<T> {
    type Target = OnOtherType;

    #[inline(always)]
    fn deref(&self) -> &OnOtherType {
        &OnOtherType
    }
}

// Each function's probe, named after it. Written out rather than made by
// a macro: an error's note then shows the bound, not a macro's invocation.
impl OnOtherType {
    #[inline(always)]
    pub fn __ephemeral_fs_by_type_value<T>(&self, value: T) -> T {
        value
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_create<T>(&self, value: T) -> T {
        value
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_create_new<T>(&self, value: T) -> T {
        value
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_bind<T>(&self, value: T) -> T {
        value
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_options<T>(&self, value: T) -> T {
        value
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_new<T>(&self, value: T) -> T {
        value
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_default<T>(&self, value: T) -> T {
        value
    }
}

// `File::create(p)`, `File::create_new(p)`: the bound of the path argument
// of the function called by its type's name. `File::options()`: a builder.
impl OnType<std::fs::File> {
    #[inline(always)]
    pub fn __ephemeral_fs_by_type_value<R: ValueByType>(self, function: R) -> R {
        function
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_create<P: TempTarget<persistent_write>>(self, target: P) -> P {
        target
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_create_new<P: TempTarget<persistent_write>>(
        self,
        target: P,
    ) -> P {
        target
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_options<R: BuilderByType>(self, made: R) -> R {
        made
    }
}

impl OnType<std::fs::OpenOptions> {
    #[inline(always)]
    pub fn __ephemeral_fs_by_type_value<R: ValueByType>(self, function: R) -> R {
        function
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_new<R: BuilderByType>(self, made: R) -> R {
        made
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_default<R: BuilderByType>(self, made: R) -> R {
        made
    }
}

impl OnType<std::fs::DirBuilder> {
    #[inline(always)]
    pub fn __ephemeral_fs_by_type_value<R: ValueByType>(self, function: R) -> R {
        function
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_new<R: BuilderByType>(self, made: R) -> R {
        made
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_default<R: BuilderByType>(self, made: R) -> R {
        made
    }
}

// Binding a Unix socket creates a file at its path.
#[cfg(unix)]
impl OnType<std::os::unix::net::UnixListener> {
    #[inline(always)]
    pub fn __ephemeral_fs_by_type_value<R: ValueByType>(self, function: R) -> R {
        function
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_bind<P: TempTarget<persistent_write>>(self, target: P) -> P {
        target
    }
}

#[cfg(unix)]
impl OnType<std::os::unix::net::UnixDatagram> {
    #[inline(always)]
    pub fn __ephemeral_fs_by_type_value<R: ValueByType>(self, function: R) -> R {
        function
    }

    #[inline(always)]
    pub fn __ephemeral_fs_by_type_bind<P: TempTarget<persistent_write>>(self, target: P) -> P {
        target
    }
}
