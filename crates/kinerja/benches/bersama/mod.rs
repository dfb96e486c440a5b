//! What the process benches (`bunuh`, `dua_server`) share: running the built `kinerja` binary,
//! failing loudly, a free port.

use std::io::Write;
use std::net::{SocketAddr, TcpListener};
use std::process::{Command, Stdio};

pub const KINERJA: &str = env!("CARGO_BIN_EXE_kinerja");

/// A failed bench run: the reason on standard error, exit status 1.
pub fn gagal(pesan: String) -> ! {
    eprintln!("GAGAL: {pesan}");
    std::process::exit(1);
}

/// The binary with `args`, never reading a database from the caller's `KINERJA_DB`.
pub fn kinerja(args: &[&str]) -> Command {
    let mut c = Command::new(KINERJA);
    c.args(args).env_remove("KINERJA_DB");
    c
}

/// A command run to its end with `masukan` on standard input; its standard output.
pub fn jalankan(args: &[&str], masukan: &str) -> Result<String, String> {
    let mut c = kinerja(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{KINERJA} tidak dapat dijalankan: {e}"))?;
    c.stdin.take().map(|mut s| s.write_all(masukan.as_bytes()));
    let o = c.wait_with_output().map_err(|e| e.to_string())?;
    if !o.status.success() {
        return Err(format!(
            "kinerja {args:?}: {}\n{}",
            o.status,
            String::from_utf8_lossy(&o.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&o.stdout).into_owned())
}

pub fn port_bebas() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
}
