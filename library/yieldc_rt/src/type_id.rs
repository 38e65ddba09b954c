//! A `TypeId` for any type, `'static` or not, with lifetimes erased.
//!
//! `core::any::TypeId::of` requires `T: 'static`, but generators yield borrowed values. The
//! runtime only needs to tell apart types whose *layout* may differ, so comparing types with their
//! lifetimes erased is what it wants: rustc itself erases regions before computing a type id.
//!
//! The trick: call `TypeId::of` from inside a method whose `where Self: 'static` bound is proven
//! by a trait object whose lifetime bound was widened. The body of that method is only ever
//! monomorphized; no value with a widened lifetime is ever read.

use core::any::TypeId;
use core::marker::PhantomData;

trait ErasedTypeId {
    fn erased_type_id(&self) -> TypeId
    where
        Self: 'static;
}

impl<T: ?Sized> ErasedTypeId for PhantomData<T> {
    #[inline(always)]
    fn erased_type_id(&self) -> TypeId
    where
        Self: 'static,
    {
        TypeId::of::<T>()
    }
}

/// The `TypeId` of `T` with every lifetime in it erased.
#[inline(always)]
pub(crate) fn type_id_of<T: ?Sized>() -> TypeId {
    let marker = PhantomData::<T>;
    let object: &dyn ErasedTypeId = &marker;
    // SAFETY: only the lifetime bound of the trait object changes (same layout, same vtable).
    // The widened bound lets us call a method whose body needs `PhantomData<T>: 'static`; that
    // body reads nothing (the receiver is a ZST) and only names `T` to get its type id, which
    // rustc computes with regions erased. No reference with a too-long lifetime escapes.
    let object: &(dyn ErasedTypeId + 'static) = unsafe { core::mem::transmute(object) };
    object.erased_type_id()
}

#[cfg(test)]
mod tests {
    use super::type_id_of;

    #[test]
    fn distinguishes_layouts_and_ignores_lifetimes() {
        fn of_ref<'a>(_: &'a str) -> core::any::TypeId {
            type_id_of::<&'a str>()
        }
        let local = [b'x'];
        let s = core::str::from_utf8(&local).unwrap();
        assert_eq!(of_ref(s), type_id_of::<&'static str>());
        assert_ne!(type_id_of::<u32>(), type_id_of::<u64>());
        assert_ne!(type_id_of::<(u32, ())>(), type_id_of::<(u32, u8)>());
        assert_eq!(type_id_of::<(u32, ())>(), type_id_of::<(u32, ())>());
    }
}
