# AsyncGen::poll_next: one call site of the body's `poll` (the binding poll and the real poll
# share it), so LLVM may inline the body into poll_next as it does for nightly's async gen.
p='library/yieldc_rt/src/async_gen.rs'; s=open(p).read()
i=s.index('        if !this.header.bound.get() {')
j=s.index('        match poll {', i)
s=s[:i]+'''        // SAFETY: the vtable ignores the data pointer except in `clone`, which drops it.
        let waker = ManuallyDrop::new(unsafe {
            Waker::from_raw(RawWaker::new(header as *const (), &BIND_VTABLE))
        });
        let mut bind_context = Context::from_waker(&waker);
        let poll = loop {
            let binding = !this.header.bound.get();
            // EXPERIMENT: unify the two contexts' lifetimes (the binding one lives for this call).
            let cx: &mut Context<'_> = if binding {
                unsafe { core::mem::transmute::<&mut Context<'_>, &mut Context<'_>>(&mut bind_context) }
            } else {
                &mut *cx
            };
            if !binding {
                this.header.context.set(cx as *const Context<'_> as *const ());
            }
            let poll = body.as_mut().poll(cx);
            if binding {
                match poll {
                    Poll::Pending if this.header.bound.get() => continue,
                    _ => missing_bind_prologue(),
                }
            }
            this.header.context.set(ptr::null());
            break poll;
        };
'''+s[j:]
open(p,'w').write(s)
