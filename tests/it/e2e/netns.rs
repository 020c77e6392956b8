//! A network namespace per scenario (loopback only), the processes started inside it, and a
//! guard whose Drop kills every one of them and deletes the namespace, even on panic.

#![allow(unsafe_code)] // unshare(2) and setns(2) have no safe wrapper in std

use std::fs;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const CLONE_NEWNET: i32 = 0x4000_0000;
const SIGTERM: i32 = 15;
const SIGKILL: i32 = 9;

unsafe extern "C" {
    fn setns(fd: i32, nstype: i32) -> i32;
    fn geteuid() -> u32;
    fn kill(pid: i32, sig: i32) -> i32;
}

pub fn is_root() -> bool {
    unsafe { geteuid() == 0 }
}

/// Sends `sig` to `pid` (only ever a process this test started, or one inside its namespace).
pub fn signal(pid: u32, sig: i32) {
    unsafe {
        kill(pid as i32, sig);
    }
}

pub struct Netns {
    pub name: String,
    children: Mutex<Vec<(String, Child)>>,
}

fn run(cmd: &mut Command) -> Result<String, String> {
    let out = cmd
        .output()
        .map_err(|e| format!("{:?}: {e}", cmd.get_program()))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "{:?} {:?}: {}{}",
            cmd.get_program(),
            cmd.get_args().collect::<Vec<_>>(),
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        ))
    }
}

impl Netns {
    /// `ip netns add NAME`, lo up, and `/etc/netns/NAME/{resolv.conf,hosts}`.
    pub fn create(name: &str, nameserver: &str) -> Result<Netns, String> {
        let _ = Command::new("ip")
            .args(["netns", "del", name])
            .stderr(Stdio::null())
            .status();
        run(Command::new("ip").args(["netns", "add", name]))?;
        let ns = Netns {
            name: name.to_owned(),
            children: Mutex::new(Vec::new()),
        };
        ns.exec_ok(&["ip", "link", "set", "lo", "up"])?;
        let etc = ns.etc_dir();
        fs::create_dir_all(&etc).map_err(|e| e.to_string())?;
        fs::write(
            etc.join("resolv.conf"),
            format!("nameserver {nameserver}\n"),
        )
        .map_err(|e| e.to_string())?;
        fs::write(etc.join("hosts"), "127.0.0.1 localhost\n::1 localhost\n")
            .map_err(|e| e.to_string())?;
        Ok(ns)
    }

    pub fn etc_dir(&self) -> PathBuf {
        Path::new("/etc/netns").join(&self.name)
    }

    /// `ip netns exec NAME args…`, waiting; Err with its output when it fails.
    pub fn exec_ok(&self, args: &[&str]) -> Result<String, String> {
        run(Command::new("ip")
            .args(["netns", "exec", &self.name])
            .args(args))
    }

    /// What runs a program inside the namespace: `ip netns exec NAME`.
    pub fn exec_prefix(&self) -> [&str; 4] {
        ["ip", "netns", "exec", &self.name]
    }

    /// A command that runs inside the namespace (not yet started).
    pub fn command(&self, program: &str) -> Command {
        let mut c = Command::new("ip");
        c.args(["netns", "exec", &self.name, program]);
        c
    }

    /// Starts a long-running server in the namespace; it is killed when the guard drops.
    pub fn spawn(&self, what: &str, mut cmd: Command, log: &Path) -> Result<(), String> {
        let f = fs::File::create(log).map_err(|e| e.to_string())?;
        let f2 = f.try_clone().map_err(|e| e.to_string())?;
        let child = cmd
            .stdin(Stdio::null())
            .stdout(f)
            .stderr(f2)
            .spawn()
            .map_err(|e| format!("start {what}: {e}"))?;
        self.children.lock().unwrap().push((what.to_owned(), child));
        Ok(())
    }

    /// Fails if a server started with `spawn` has already exited.
    pub fn check_alive(&self) -> Result<(), String> {
        for (what, child) in self.children.lock().unwrap().iter_mut() {
            if let Ok(Some(st)) = child.try_wait() {
                return Err(format!("{what} exited early: {st}"));
            }
        }
        Ok(())
    }

    /// Runs `f` on a thread that has entered the namespace (sockets it opens live there).
    pub fn within<T: Send>(&self, f: impl FnOnce() -> T + Send) -> T {
        let path = Path::new("/var/run/netns").join(&self.name);
        std::thread::scope(|s| {
            s.spawn(|| {
                let fd = fs::File::open(&path).expect("open the namespace");
                let rc = unsafe { setns(fd.as_raw_fd(), CLONE_NEWNET) };
                assert_eq!(rc, 0, "setns {}", path.display());
                f()
            })
            .join()
            .expect("namespace thread")
        })
    }

    /// Waits until something accepts TCP connections on each address (inside the namespace).
    pub fn wait_listening(&self, addrs: &[String], limit: Duration) -> Result<(), String> {
        let addrs = addrs.to_vec();
        self.within(move || {
            let start = Instant::now();
            for a in &addrs {
                let sa: std::net::SocketAddr = a.parse().map_err(|_| format!("bad {a}"))?;
                loop {
                    if std::net::TcpStream::connect_timeout(&sa, Duration::from_millis(200)).is_ok()
                    {
                        break;
                    }
                    if start.elapsed() > limit {
                        return Err(format!("nothing listens on {a} after {limit:?}"));
                    }
                    std::thread::sleep(Duration::from_millis(25));
                }
            }
            Ok(())
        })
    }

    /// Pids of every process in the namespace (`ip netns pids`).
    fn pids(&self) -> Vec<u32> {
        Command::new("ip")
            .args(["netns", "pids", &self.name])
            .output()
            .map(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .split_whitespace()
                    .filter_map(|p| p.parse().ok())
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let mut children = std::mem::take(&mut *self.children.lock().unwrap());
        for (_, c) in children.iter_mut() {
            signal(c.id(), SIGTERM);
        }
        let deadline = Instant::now() + Duration::from_secs(2);
        for (_, c) in children.iter_mut() {
            while Instant::now() < deadline {
                if let Ok(Some(_)) = c.try_wait() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = c.kill();
            let _ = c.wait();
        }
        // Anything else still inside (helpers, git children of a killed go): only processes
        // in this test's own namespace.
        for _ in 0..3 {
            let pids = self.pids();
            if pids.is_empty() {
                break;
            }
            for p in pids {
                signal(p, SIGKILL);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = Command::new("ip")
            .args(["netns", "del", &self.name])
            .stderr(Stdio::null())
            .status();
        let _ = fs::remove_dir_all(self.etc_dir());
    }
}
