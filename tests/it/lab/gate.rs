//! Labs and the end-to-end tier never run at the same time. Both live in one test binary, but
//! the e2e tier loads the machine for minutes (parallel namespaces of dnsmasq, nginx, squid
//! and go) while lab tests assert deadlines of a second or two. Labs share freely with each
//! other; the e2e tier waits until no lab is alive, and new labs wait while it runs.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

struct State {
    labs: usize,
    exclusive: bool,
}

static STATE: Mutex<State> = Mutex::new(State {
    labs: 0,
    exclusive: false,
});
static CHANGED: Condvar = Condvar::new();

fn state() -> MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(PoisonError::into_inner)
}

fn wait(s: MutexGuard<'static, State>) -> MutexGuard<'static, State> {
    CHANGED.wait(s).unwrap_or_else(PoisonError::into_inner)
}

/// Held by every [`super::Lab`].
pub struct Shared(());

/// Held by the e2e tier while it runs.
pub struct Exclusive(());

pub fn shared() -> Shared {
    let mut s = state();
    while s.exclusive {
        s = wait(s);
    }
    s.labs += 1;
    Shared(())
}

pub fn exclusive() -> Exclusive {
    let mut s = state();
    while s.exclusive || s.labs > 0 {
        s = wait(s);
    }
    s.exclusive = true;
    Exclusive(())
}

impl Drop for Shared {
    fn drop(&mut self) {
        state().labs -= 1;
        CHANGED.notify_all();
    }
}

impl Drop for Exclusive {
    fn drop(&mut self) {
        state().exclusive = false;
        CHANGED.notify_all();
    }
}
