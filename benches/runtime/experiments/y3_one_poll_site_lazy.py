# AsyncGen::poll_next: one call site of the body's `poll`, with the binding waker and context
# built only on the binding pass (y2 builds them on every call).
p='library/yieldc_rt/src/async_gen.rs'; s=open(p).read()
i=s.index('        if !this.header.bound.get() {')
j=s.index('        match poll {', i)
s=s[:i]+'''        let mut bind_waker = core::mem::MaybeUninit::<ManuallyDrop<Waker>>::uninit();
        let mut bind_context = core::mem::MaybeUninit::<Context<'static>>::uninit();
        let poll = loop {
            let binding = !this.header.bound.get();
            let context: &mut Context<'_> = if binding {
                let waker = bind_waker.as_mut_ptr();
                let context = bind_context.as_mut_ptr();
                unsafe {
                    waker.write(ManuallyDrop::new(Waker::from_raw(RawWaker::new(header as *const (), &BIND_VTABLE))));
                    context.write(Context::from_waker(&*waker.cast::<Waker>()));
                    &mut *context.cast::<Context<'_>>()
                }
            } else {
                this.header.context.set(cx as *const Context<'_> as *const ());
                &mut *cx
            };
            let poll = body.as_mut().poll(context);
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
