// `for await` consumes its iterable: a second loop over it is E0382, with the move and the
// later use labelled at each loop's iterable (the runtime's loop is not shown).
// FIXME(yieldc): nightly's note points at `into_async_iter` in core (and, for a `Clone`
// iterable, suggests `.clone()`); yieldc has neither (rustc's help to borrow the iterable,
// which would not compile, is dropped).
#![feature(gen_blocks, async_iterator, async_for_loop)]

async fn twice() {
    let numbers = async gen {
        yield 1;
    };
    for await n in numbers {
        println!("{n}");
    }
    for await n in numbers {
        //~^ ERROR: use of moved value: `numbers`
        println!("{n}");
    }
}

fn main() {
    let _ = twice();
}
