//! CSV files: the separator and byte-order mark, per-unsur tables handed to the `csv` crate, and
//! respondent files read with the scanner ([`crate::pindai`]) and counted ([`crate::cacah`]).
//!
//! A large respondent file on a machine with two or more processors is read in pieces by several
//! threads ([`crate::potong`]), with the result a single reader gets.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use kinerja_core::skm::{Jawaban, TabulasiSurvei};

use crate::cacah::Cacah;
use crate::label::Kamus;
use crate::pindai::{Pemindai, Rekaman};
use crate::potong::{UKURAN_POTONG, potong_berkas};
use crate::responden::Pengumpul;
use crate::singgah::Singgah;
use crate::{BarisBuruk, GalatBaca, MasalahSel, Masukan, OpsiBaca};

/// Files smaller than this are read by one thread (a hundred thousand rows take ten
/// milliseconds; threads are not worth it below).
const BATAS_BELAH: u64 = 8 << 20;

/// The separator of a CSV from its first line: the most frequent of `,` `;` tab outside quotes
/// (`,` on a tie or when there is none).
fn tebak_pemisah(awal: &[u8]) -> u8 {
    let mut n = [0usize; 3];
    let mut kutip = false;
    for &b in awal {
        match b {
            b'"' => kutip = !kutip,
            b'\n' | b'\r' if !kutip => break,
            b',' if !kutip => n[0] += 1,
            b';' if !kutip => n[1] += 1,
            b'\t' if !kutip => n[2] += 1,
            _ => {}
        }
    }
    let seps = [b',', b';', b'\t'];
    let mut terbaik = 0;
    for i in 1..3 {
        if n[i] > n[terbaik] {
            terbaik = i;
        }
    }
    seps[terbaik]
}

/// A reader past the byte-order mark, the separator recognised from the first line, and the
/// length of the mark (0 or 3).
fn siapkan<R: Read>(reader: R, berkas: &str) -> Result<(BufReader<R>, u8, u64), GalatBaca> {
    let mut br = BufReader::with_capacity(1 << 16, reader);
    let awal = br.fill_buf().map_err(|sumber| GalatBaca::Io {
        berkas: berkas.to_string(),
        sumber,
    })?;
    let bom = awal.starts_with(b"\xEF\xBB\xBF");
    let pemisah = tebak_pemisah(if bom { &awal[3..] } else { awal });
    if bom {
        br.consume(3);
    }
    Ok((br, pemisah, if bom { 3 } else { 0 }))
}

fn teks_kepala(h: &[u8]) -> String {
    String::from_utf8_lossy(h).trim().to_string()
}

/// A CSV reader (for per-unsur tables) and the header.
pub(crate) fn buka_csv<R: Read>(
    reader: R,
    berkas: &str,
) -> Result<(csv::Reader<BufReader<R>>, Vec<String>), GalatBaca> {
    let (br, pemisah, _) = siapkan(reader, berkas)?;
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(pemisah)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(br);
    let kepala = rdr
        .byte_headers()
        .map_err(|e| GalatBaca::Format {
            berkas: berkas.to_string(),
            pesan: format!("kepala CSV tidak terbaca: {e}"),
        })?
        .iter()
        .map(teks_kepala)
        .collect();
    Ok((rdr, kepala))
}

fn galat_csv(berkas: &str, e: &std::io::Error, apa: &str) -> GalatBaca {
    GalatBaca::Format {
        berkas: berkas.to_string(),
        pesan: format!("{apa} tidak terbaca: {e}"),
    }
}

/// A respondent file opened: the scanner past the header, the header, the separator and the
/// length of the byte-order mark.
struct Terbuka<R> {
    pindai: Pemindai<BufReader<R>>,
    kepala: Vec<String>,
    pemisah: u8,
    bom: u64,
}

fn buka_pindai<R: Read>(reader: R, berkas: &str) -> Result<Terbuka<R>, GalatBaca> {
    let (br, pemisah, bom) = siapkan(reader, berkas)?;
    let mut pindai = Pemindai::new(br, pemisah);
    let kepala = match pindai
        .berikut()
        .map_err(|e| galat_csv(berkas, &e, "kepala CSV"))?
    {
        Some(r) => r.iter().map(teks_kepala).collect(),
        None => Vec::new(),
    };
    Ok(Terbuka {
        pindai,
        kepala,
        pemisah,
        bom,
    })
}

/// The counts of a stretch of rows: the whole file, or one of its pieces.
pub(crate) struct Hitungan {
    /// The core's groups (their names and order); the counts are in `cacah` until the end.
    tabulasi: TabulasiSurvei,
    cacah: Cacah,
    singgah: Vec<Singgah>,
    slot: Vec<usize>,
    jawaban: Vec<Jawaban>,
    buruk: Vec<BarisBuruk>,
    /// Answers written as words, per unsur column.
    kamus: Kamus,
}

impl Hitungan {
    pub fn new(p: &Pengumpul) -> Hitungan {
        let kolom = p.peta.profil.len();
        Hitungan {
            tabulasi: p.tabulasi_kosong(),
            cacah: Cacah::new(p.regime.jumlah_unsur(), kolom),
            singgah: (0..kolom).map(|_| Singgah::new()).collect(),
            slot: vec![0; kolom],
            jawaban: Vec::with_capacity(p.regime.jumlah_unsur()),
            buruk: Vec::new(),
            kamus: Kamus::new(p.regime.jumlah_unsur()),
        }
    }

    /// One record: counted, listed as bad, or (all cells empty) not a row.
    fn catat(&mut self, p: &Pengumpul, rec: &Rekaman<'_>) {
        // Nearly every row of an export has as many cells as the header and every answer one
        // digit: such a row is counted without building its answers (the general way below
        // counts it the same).
        let (data, rentang) = rec.bagian();
        if rentang.len() == p.kepala.len()
            && self.cacah.kode_digit(&p.peta.unsur_kolom, data, rentang)
        {
            self.kelompok(p, rec);
            self.cacah.catat_kode(&self.slot);
            return;
        }
        if rec.get(0).is_none_or(|f| f.trim_ascii().is_empty())
            && rec.iter().all(|f| f.trim_ascii().is_empty())
        {
            return;
        }
        let mut masalah = Vec::new();
        let lebar = p.kepala.len();
        if rec.len() != lebar {
            masalah.push(MasalahSel {
                kolom: None,
                huruf: None,
                nama_kolom: None,
                nilai: String::new(),
                pesan: format!("baris berisi {} kolom, kepala {} kolom", rec.len(), lebar),
            });
        }
        // A local vector stays in registers; it goes back below.
        let mut jawaban = std::mem::take(&mut self.jawaban);
        jawaban.clear();
        for (u, &k) in p.peta.unsur_kolom.iter().enumerate() {
            let sel = rec.get(k).unwrap_or(b"");
            if let [c @ b'1'..=b'4'] = *sel {
                jawaban.push(Jawaban::SEMUA[usize::from(c - b'1')]);
                continue;
            }
            match self.kamus.jawab(u, sel, p.label(u)) {
                Ok(j) => jawaban.push(j),
                Err(e) => masalah.push(p.masalah(
                    k,
                    String::from_utf8_lossy(sel).into_owned(),
                    p.pesan_jawaban(u, &e),
                )),
            }
        }
        self.jawaban = jawaban;
        if !masalah.is_empty() {
            self.buruk.push(BarisBuruk {
                baris: rec.baris,
                masalah,
            });
            return;
        }
        self.kelompok(p, rec);
        self.cacah.catat(&self.jawaban, &self.slot);
    }

    /// The slot of the row's group in every profile column, into `slot`. Groups are looked up
    /// only for rows that are counted, so they appear in the order their first counted
    /// respondent does.
    fn kelompok(&mut self, p: &Pengumpul, rec: &Rekaman<'_>) {
        let (data, rentang) = rec.bagian();
        let kolom = p.peta.profil.iter().zip(&self.singgah).zip(&mut self.slot);
        // Nearly every value has been seen: its slot is found in the column's own table, from
        // the 16 bytes that start it; a new value (or a long one) goes the core's way.
        let mut baru = None;
        for (c, (((k, _, _), singgah), slot)) in kolom.enumerate() {
            let (a, b) = rentang.get(*k).copied().unwrap_or((0, 0));
            let jendela = data
                .get(a..a.wrapping_add(16))
                .and_then(|j| j.try_into().ok());
            let ketemu = match jendela {
                Some(j) => singgah.cari_jendela(j, b.wrapping_sub(a)),
                None => singgah.cari(data.get(a..b).unwrap_or_default()),
            };
            match ketemu {
                Some(s) => *slot = s,
                None => {
                    baru = Some(c);
                    break;
                }
            }
        }
        if let Some(c) = baru {
            self.kelompok_baru(p, rec, c);
        }
    }

    /// [`Hitungan::kelompok`] from profile column `dari` on, through the core's groups.
    #[cold]
    #[inline(never)]
    fn kelompok_baru(&mut self, p: &Pengumpul, rec: &Rekaman<'_>, dari: usize) {
        let kolom = p
            .peta
            .profil
            .iter()
            .zip(&mut self.singgah)
            .zip(&mut self.slot);
        for (c, (((k, _, _), singgah), slot)) in kolom.enumerate().skip(dari) {
            let sel = rec.get(*k).unwrap_or(b"");
            *slot = match singgah.cari(sel) {
                Some(s) => s,
                None => {
                    let g = self.tabulasi.rincian[c].indeks_kelompok(&String::from_utf8_lossy(sel));
                    let s = self.cacah.slot(c, g);
                    singgah.simpan(sel, s);
                    s
                }
            };
        }
    }

    /// Moves the counts into the core's tallies and drops the counters and the values seen: a
    /// piece waiting for the pieces before it then holds its groups' tallies only.
    pub fn padatkan(&mut self, berkas: &str) -> Result<(), GalatBaca> {
        self.cacah
            .ke(&mut self.tabulasi)
            .map_err(galat_skm(berkas))?;
        self.cacah = Cacah::new(0, 0);
        self.singgah = Vec::new();
        self.slot = Vec::new();
        Ok(())
    }

    /// Adds the tallies of the stretch that follows this one (its counts moved by
    /// [`Hitungan::padatkan`]); `geser` is added to its line numbers (it counted lines from 1).
    pub fn sambung(&mut self, lain: Hitungan, geser: u64, berkas: &str) -> Result<(), GalatBaca> {
        let galat = galat_skm(berkas);
        let total = &lain.tabulasi.total;
        if total.responden() > 0 {
            self.tabulasi
                .total
                .tambah(total.jumlah(), total.responden())
                .map_err(&galat)?;
        }
        for (c, r) in lain.tabulasi.rincian.iter().enumerate() {
            for (nama, t) in r.kelompok() {
                // A group's name is its own group (see `JenisProfil::kelompok`), so the group
                // here is the one the same rows would have found; groups new here come after
                // this stretch's own, as a single reader meets them.
                let sini = self.tabulasi.rincian[c].indeks_kelompok(nama);
                self.tabulasi.rincian[c]
                    .tambah_di(sini, t.jumlah(), t.responden())
                    .map_err(&galat)?;
            }
        }
        self.kamus.gabung(lain.kamus);
        self.buruk.extend(lain.buruk.into_iter().map(|mut b| {
            b.baris += geser;
            b
        }));
        Ok(())
    }

    fn selesai(
        mut self,
        mut p: Pengumpul,
        opsi: &OpsiBaca,
        berkas: &str,
    ) -> Result<crate::BacaanResponden, GalatBaca> {
        self.cacah
            .ke(&mut self.tabulasi)
            .map_err(galat_skm(berkas))?;
        p.tabulasi = self.tabulasi;
        p.buruk = self.buruk;
        p.kamus = self.kamus;
        p.hasil(opsi)
    }
}

/// How a stretch of records ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sampai {
    /// A record ended exactly at the byte asked for.
    Batas,
    /// At the end of the source.
    Akhir,
    /// Stopped: the stretch is not needed.
    Batal,
}

/// Reads records into `h` to the end of the source, or (`batas`) until one ends exactly at
/// that byte of the source. A record that runs past `batas` means the guess was wrong; reading
/// goes on to the end. `batal`, when given, is the first piece of the file that read past its
/// end, and this stretch's piece: it is lowered on a wrong guess, and reading stops when it
/// falls below this piece.
pub(crate) fn baca<R: Read>(
    p: &Pengumpul,
    h: &mut Hitungan,
    pindai: &mut Pemindai<R>,
    mut batas: Option<u64>,
    berkas: &str,
    batal: Option<(&AtomicUsize, usize)>,
) -> Result<Sampai, GalatBaca> {
    while let Some(rec) = pindai.berikut().map_err(|e| galat_csv(berkas, &e, "CSV"))? {
        h.catat(p, &rec);
        if let Some(b) = batas {
            let posisi = pindai.posisi();
            if posisi == b {
                return Ok(Sampai::Batas);
            }
            if posisi > b {
                batas = None;
                if let Some((batal, i)) = batal {
                    batal.fetch_min(i, Ordering::Relaxed);
                }
            }
        }
        if let Some((batal, i)) = batal
            && batal.load(Ordering::Relaxed) < i
        {
            return Ok(Sampai::Batal);
        }
    }
    Ok(Sampai::Akhir)
}

/// Reads respondents from CSV text (any reader), e.g. for tests or standard input.
pub fn baca_responden_csv<R: Read>(
    reader: R,
    berkas: &str,
    opsi: &OpsiBaca,
) -> Result<crate::BacaanResponden, GalatBaca> {
    let Terbuka {
        mut pindai, kepala, ..
    } = buka_pindai(reader, berkas)?;
    let p = Pengumpul::new(berkas, kepala, opsi)?;
    let mut h = Hitungan::new(&p);
    baca(&p, &mut h, &mut pindai, None, berkas, None)?;
    h.selesai(p, opsi, berkas)
}

pub(crate) fn buka(path: &Path) -> Result<File, GalatBaca> {
    File::open(path).map_err(|sumber| GalatBaca::Io {
        berkas: path.display().to_string(),
        sumber,
    })
}

/// A CSV file: a per-unsur table when its header has an `unsur` column, respondents otherwise.
pub(crate) fn baca_csv_berkas(path: &Path, opsi: &OpsiBaca) -> Result<Masukan, GalatBaca> {
    let prosesor = std::thread::available_parallelism().map_or(1, |n| n.get());
    let minimum = if prosesor >= 2 { BATAS_BELAH } else { u64::MAX };
    baca_csv_berkas_potong(path, opsi, minimum, UKURAN_POTONG, prosesor)
}

/// [`baca_csv_berkas`], respondent files of at least `minimum` bytes read in pieces of about
/// `ukuran_potong` bytes by `benang` threads.
fn baca_csv_berkas_potong(
    path: &Path,
    opsi: &OpsiBaca,
    minimum: u64,
    ukuran_potong: u64,
    benang: usize,
) -> Result<Masukan, GalatBaca> {
    let berkas = path.display().to_string();
    let Terbuka {
        mut pindai,
        kepala,
        pemisah,
        bom,
    } = buka_pindai(buka(path)?, &berkas)?;
    if crate::tabel::adalah_tabel(&kepala) {
        // Tables are a few rows: read again, with the csv crate's text records.
        return crate::tabel::baca_tabel_csv(buka(path)?, &berkas, opsi).map(Masukan::Tabel);
    }
    let p = Pengumpul::new(&berkas, kepala, opsi)?;
    let mut h = Hitungan::new(&p);
    // Cuts lie past the header (a file of one long header line has none).
    let potong = potong_berkas(path, minimum, ukuran_potong, bom + pindai.posisi());
    if potong.is_empty() {
        baca(&p, &mut h, &mut pindai, None, &berkas, None)?;
    } else {
        crate::potong::baca_berkas(
            path,
            &p,
            &mut h,
            &mut pindai,
            pemisah,
            bom,
            &potong,
            benang,
            &berkas,
        )?;
    }
    h.selesai(p, opsi, &berkas).map(Masukan::Responden)
}

/// The core's refusal of a tally, said of file `berkas`.
fn galat_skm(berkas: &str) -> impl Fn(kinerja_core::skm::GalatSkm) -> GalatBaca + '_ {
    move |sumber| GalatBaca::Skm {
        berkas: berkas.to_string(),
        sumber,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BacaanResponden;

    #[test]
    fn separator_from_the_header_line() {
        assert_eq!(tebak_pemisah(b"U1,U2,U3\n1;2;3"), b',');
        assert_eq!(tebak_pemisah(b"U1;U2;U3\n"), b';');
        assert_eq!(tebak_pemisah(b"\"a,b\";U2;U3\n"), b';');
        assert_eq!(tebak_pemisah(b"U1\tU2\n"), b'\t');
        assert_eq!(tebak_pemisah(b"U1\n"), b',');
    }

    /// Everything a reading yields, comparable: the tallies (groups in order), skipped rows.
    fn ringkas(m: Result<Masukan, GalatBaca>) -> String {
        let r: BacaanResponden = match m {
            Ok(Masukan::Responden(r)) => r,
            Ok(Masukan::Tabel(_)) => return "tabel".into(),
            Err(e) => return format!("galat: {e}"),
        };
        let mut s = format!("{:?} {}\n", r.tabulasi.total, r.kuesioner.regime.kode);
        for k in &r.tabulasi.rincian {
            s.push_str(&format!("{} {:?}\n", k.kolom, k.kelompok()));
        }
        s + &format!("{:?}", r.dilewati)
    }

    /// Rows of a survey, deterministic: profile columns and nine answers; every `buruk`-th row
    /// with an answer 5, every `kutip`-th a quoted profile value holding a line end, blank
    /// lines sprinkled.
    fn survei(baris: usize, akhir: &str, buruk: usize, kutip: usize) -> Vec<u8> {
        let mut s = format!("\u{feff}layanan,umur,U1,U2,U3,U4,U5,U6,U7,U8,U9{akhir}");
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for i in 0..baris {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let layanan = ["KTP", "KK", "Akta"][(x % 3) as usize];
            // A service that appears only late in the file: its group comes last.
            let layanan = if i > baris * 3 / 4 && x.is_multiple_of(5) {
                "Izin"
            } else {
                layanan
            };
            let layanan = if kutip > 0 && i.is_multiple_of(kutip) {
                format!("\"{layanan}, layanan yang baru dibuka tahun ini\n\"")
            } else {
                layanan.to_string()
            };
            s.push_str(&format!("{layanan},{}", 15 + x % 60));
            for u in 0..9 {
                let a = 1 + (x >> (2 * u + 8)) % 4;
                let a = if buruk > 0 && i.is_multiple_of(buruk) && u == 4 {
                    5
                } else {
                    a
                };
                s.push_str(&format!(",{a}"));
            }
            s.push_str(akhir);
            if i.is_multiple_of(97) {
                s.push_str(akhir);
            }
        }
        s.into_bytes()
    }

    /// Several threads give what one gives, wherever the cuts fall (also inside a quoted
    /// field): line ends, quotes, bad rows and groups first seen late, with and without skipping
    /// bad rows; two halves, and pieces of about 1.000 bytes (about 50 rows: at most 64 pieces)
    /// on one thread (the pieces in file order), two and three.
    #[test]
    fn pieces_read_what_one_reader_reads() {
        let dir = std::env::temp_dir().join(format!("kinerja-skm-belah-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let kasus = [
            ("lf", survei(3000, "\n", 0, 0)),
            ("crlf", survei(3000, "\r\n", 0, 0)),
            ("buruk", survei(3000, "\n", 37, 0)),
            ("kutip", survei(3000, "\r\n", 41, 5)),
            ("pendek", survei(3, "\n", 0, 0)),
            // Most line ends inside quotes: the guessed cut is often not a record's end.
            ("baris-baru", survei(3000, "\n", 0, 1)),
            // The same in the second half only: pieces read up to their cut, then one reads on
            // to the end and the pieces after it are dropped.
            ("baris-baru-akhir", {
                let mut a = survei(1500, "\n", 0, 0);
                let b = survei(1500, "\n", 0, 1);
                let kepala = b.iter().position(|&c| c == b'\n').unwrap() + 1;
                a.extend_from_slice(&b[kepala..]);
                a
            }),
        ];
        for (nama, isi) in kasus {
            let path = dir.join(format!("{nama}.csv"));
            // Every cut in a window shifted, by cutting the file short.
            for potong in [0, 1, 2, 7, 25, 26, 27, 60] {
                let isi = &isi[..isi.len() - potong.min(isi.len() / 2)];
                std::fs::write(&path, isi).unwrap();
                let separuh = isi.len() as u64 / 2;
                for lewati in [false, true] {
                    let opsi = OpsiBaca {
                        lewati_baris_buruk: lewati,
                        ..OpsiBaca::default()
                    };
                    let satu = ringkas(baca_csv_berkas_potong(&path, &opsi, u64::MAX, 1, 1));
                    // Two halves at every shift; small pieces (60 or more cuts) at two.
                    let kecil: &[(u64, usize)] = if [0, 27].contains(&potong) {
                        &[(997, 1), (997, 2), (997, 3)]
                    } else {
                        &[]
                    };
                    for &(ukuran, benang) in [(separuh, 2)].iter().chain(kecil) {
                        let banyak = baca_csv_berkas_potong(&path, &opsi, 0, ukuran, benang);
                        assert_eq!(
                            ringkas(banyak),
                            satu,
                            "{nama} -{potong} {lewati} {ukuran} {benang}"
                        );
                    }
                }
            }
        }
        // The cuts really happen, each just past a line feed, and a piece has a bad row.
        let path = dir.join("buruk.csv");
        std::fs::write(&path, survei(3000, "\n", 37, 0)).unwrap();
        let isi = std::fs::read(&path).unwrap();
        let potong = potong_berkas(&path, 0, 997, 0);
        assert!(potong.len() > 50, "{}", potong.len());
        for &c in &potong {
            assert_eq!(isi[c as usize - 1], b'\n');
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
