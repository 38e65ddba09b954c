# Sync `Yield`: the resumption poll (second poll) of a `yield` whose resume type is a ZST (every
# `gen` block: R = ()) touches no slot, so it needs no checks.
p='library/yieldc_rt/src/resume.rs'; s=open(p).read()
old='''        let this = self.get_mut();
        let slot = slot_for::<Y, R>(cx);
        match this.value.take() {
            Some(value) => {'''
assert old in s
s=s.replace(old,'''        let this = self.get_mut();
        if this.value.is_none() && core::mem::size_of::<R>() == 0 {
            // EXPERIMENT ONLY: conjures the ZST (fine for `()`).
            return Poll::Ready(unsafe { core::mem::zeroed() });
        }
        let slot = slot_for::<Y, R>(cx);
        match this.value.take() {
            Some(value) => {''')
open(p,'w').write(s)
