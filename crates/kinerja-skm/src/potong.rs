//! A large respondent file read in pieces by several threads.
//!
//! The file is cut into pieces of about [`UKURAN_POTONG`] bytes, each starting just past a line
//! end. The threads take pieces in turn from a shared counter, so a thread slowed down (another
//! process on its processor) takes fewer pieces and the threads finish together; with two
//! fixed halves the whole read waited for the slower half.
//!
//! A cut is only a guess (a quoted field may hold a line end): the reader of the piece before
//! it checks that one of its records ends exactly there. When none does, that reader reads on
//! to the end of the file and every later piece is dropped (their readers stop as soon as they
//! see it): a wrong cut costs at most one more pass over the rest of the file per thread. The
//! result is the one a single reader gets: pieces are added in file order, so groups come in
//! the order their first respondent appears and bad rows in file order, each with its line in
//! the file.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::GalatBaca;
use crate::csv_berkas::{Hitungan, Sampai, baca};
use crate::pindai::Pemindai;
use crate::responden::Pengumpul;

/// The size of a piece. Pieces cost a file opened and each group looked up again (tens of
/// microseconds); a thread that finishes first waits at most for one piece of the other
/// (a few milliseconds at this size).
pub(crate) const UKURAN_POTONG: u64 = 2 << 20;

/// At most this many threads (each reads its own pieces through its own buffer).
const MAKS_BENANG: usize = 16;

/// At most this many pieces: each piece's counts are kept until all are read, so memory stays
/// bounded whatever the size of the file (a larger file gets larger pieces).
const MAKS_POTONG: u64 = 64;

/// How far past a guessed cut a line end is looked for; a piece whose cut finds none is
/// joined to the one before.
const JENDELA_CARI: u64 = 1 << 14;

/// The cuts of a file of `ukuran` bytes into pieces of about `ukuran_potong` (at most
/// [`MAKS_POTONG`] pieces): each just past a line end (at the `\n` of a `\r\n`, which ends its
/// record at the `\r`), past `awal`, rising.
fn titik_potong(f: &mut File, ukuran: u64, ukuran_potong: u64, awal: u64) -> Vec<u64> {
    let n = (ukuran / ukuran_potong.max(1)).min(MAKS_POTONG);
    let mut potong: Vec<u64> = Vec::new();
    let mut buf = Vec::with_capacity(JENDELA_CARI as usize);
    for i in 1..n {
        let tebak = ukuran / n * i;
        buf.clear();
        let baca = f
            .seek(SeekFrom::Start(tebak))
            .and_then(|_| f.by_ref().take(JENDELA_CARI).read_to_end(&mut buf));
        if baca.is_err() {
            break;
        }
        // The byte before a line feed tells a `\r\n`: the search starts one byte in.
        let Some(lf) = buf.iter().skip(1).position(|&b| b == b'\n').map(|i| i + 1) else {
            continue;
        };
        let di = tebak + if buf[lf - 1] == b'\r' { lf } else { lf + 1 } as u64;
        if di > awal && potong.last().is_none_or(|&p| di > p) && di < ukuran {
            potong.push(di);
        }
    }
    potong
}

/// A piece read: its counts, how it ended and the line feeds it consumed.
struct Potongan {
    h: Hitungan,
    sampai: Sampai,
    garis: u64,
}

/// Piece `i` (1 on), from cut `i - 1` to cut `i` (or the end).
fn baca_potongan(
    path: &Path,
    potong: &[u64],
    i: usize,
    pemisah: u8,
    p: &Pengumpul,
    berkas: &str,
    batal: &AtomicUsize,
) -> Result<Potongan, GalatBaca> {
    let io = |sumber| GalatBaca::Io {
        berkas: berkas.to_string(),
        sumber,
    };
    let awal = potong[i - 1];
    let mut f = File::open(path).map_err(io)?;
    f.seek(SeekFrom::Start(awal)).map_err(io)?;
    let mut pindai = Pemindai::lanjutan(f, pemisah);
    let mut h = Hitungan::new(p);
    let batas = potong.get(i).map(|&b| b - awal);
    let sampai = baca(p, &mut h, &mut pindai, batas, berkas, Some((batal, i)))?;
    h.padatkan(berkas)?;
    Ok(Potongan {
        h,
        sampai,
        garis: pindai.baris() - 1,
    })
}

/// Reads the file from the first piece on: `pindai` is past the header (its source starts
/// after the byte-order mark of `bom` bytes), `potong` the cuts. `h` gets the counts of the
/// whole file.
#[allow(clippy::too_many_arguments)]
pub(crate) fn baca_berkas(
    path: &Path,
    p: &Pengumpul,
    h: &mut Hitungan,
    pindai: &mut Pemindai<BufReader<File>>,
    pemisah: u8,
    bom: u64,
    potong: &[u64],
    benang: usize,
    berkas: &str,
) -> Result<(), GalatBaca> {
    let jumlah = potong.len() + 1;
    let benang = benang.clamp(1, MAKS_BENANG).min(jumlah);
    // The next piece to take, and the first piece that read past its end (every piece after
    // it is not needed).
    let berikut = AtomicUsize::new(1);
    let batal = AtomicUsize::new(usize::MAX);
    let ambil = || {
        let mut hasil = Vec::new();
        loop {
            let i = berikut.fetch_add(1, Ordering::Relaxed);
            if i >= jumlah {
                break;
            }
            if batal.load(Ordering::Relaxed) < i {
                continue;
            }
            hasil.push((
                i,
                baca_potongan(path, potong, i, pemisah, p, berkas, &batal),
            ));
        }
        hasil
    };
    let (pertama, lain) = std::thread::scope(|s| {
        let pekerja: Vec<_> = (1..benang).map(|_| s.spawn(ambil)).collect();
        // The first piece is this thread's: its reader read the header.
        let pertama = baca(
            p,
            h,
            pindai,
            Some(potong[0] - bom),
            berkas,
            Some((&batal, 0)),
        );
        if !matches!(pertama, Ok(Sampai::Batas)) {
            batal.store(0, Ordering::Relaxed);
        }
        let mut lain = ambil();
        for t in pekerja {
            lain.extend(t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        (pertama, lain)
    });
    if pertama? != Sampai::Batas {
        return Ok(());
    }
    let mut hasil: Vec<Option<Result<Potongan, GalatBaca>>> = (0..jumlah).map(|_| None).collect();
    for (i, r) in lain {
        hasil[i] = Some(r);
    }
    // Each piece's lines were counted from 1 at its cut, which is on line `geser + 1`.
    let mut geser = pindai.baris() - 1;
    for (i, r) in hasil.into_iter().enumerate().skip(1) {
        // Every piece up to the first that did not end at its cut was read whole (only pieces
        // after such a piece are dropped), so it is here; were it not, it is read now.
        let potongan = r.unwrap_or_else(|| {
            let tetap = AtomicUsize::new(usize::MAX);
            baca_potongan(path, potong, i, pemisah, p, berkas, &tetap)
        })?;
        h.sambung(potongan.h, geser, berkas)?;
        geser += potongan.garis;
        if potongan.sampai != Sampai::Batas {
            break;
        }
    }
    Ok(())
}

/// The cuts of a file of at least `minimum` bytes, past its header (`awal` bytes); empty for a
/// smaller file.
pub(crate) fn potong_berkas(path: &Path, minimum: u64, ukuran_potong: u64, awal: u64) -> Vec<u64> {
    let Ok(mut f) = File::open(path) else {
        return Vec::new();
    };
    let ukuran = f.metadata().map_or(0, |m| m.len());
    if ukuran < minimum {
        return Vec::new();
    }
    titik_potong(&mut f, ukuran, ukuran_potong, awal)
}
