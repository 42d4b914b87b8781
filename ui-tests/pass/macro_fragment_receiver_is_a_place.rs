#![deny(warnings)]

// A receiver that is a `$e:expr` fragment (an invisible group) is a place
// when its expression is one: a `persist(&mut self)` of the user's on it
// mutates that place, not a copy.
use ephemeral_fs::ephemeral_fs;

#[derive(Clone, Copy)]
struct Counter {
    saved: u32,
}

impl Counter {
    fn persist(&mut self, n: u32) {
        self.saved += n;
    }
}

struct State {
    counter: Counter,
}

macro_rules! recorder {
    ($name:ident, $state:ident, $counter:expr) => {
        #[ephemeral_fs]
        fn $name($state: &mut State) -> u32 {
            $counter.persist(2);
            $counter.persist(3);
            $state.counter.saved
        }
    };
}

recorder!(record, state, state.counter);

fn main() {
    let mut state = State {
        counter: Counter { saved: 0 },
    };
    assert_eq!(record(&mut state), 5);
    assert_eq!(state.counter.saved, 5);
}
