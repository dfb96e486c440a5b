//! The CSV scanner for respondent files: records split exactly as the `csv` crate splits them with
//! this crate's settings (any field count per record, `"` quoting with doubled quotes, `\r`, `\n`
//! or `\r\n` ending a record, empty lines skipped, a leading byte-order mark dropped), but without
//! copying. A record's line number is the line it starts on, as an editor shows it (the `csv`
//! crate gives the line where the previous record ended: behind by one after a `\r\n` and by the
//! empty lines between records, so an error would name the wrong row).
//!
//! Why not the `csv` crate itself: it copies every field into its record and runs its state
//! machine on every byte, which is most of the time of a million-row survey. Here a record
//! without a quote or a carriage return (nearly every line an export writes; a search of the
//! buffer finds the rare ones) is split in place in the read buffer, 64 bytes at a time with a
//! bit per byte; a record with a carriage return is split with every test, and a record with a
//! quote is handed to `csv_core`, the `csv` crate's own parser, so quoting keeps its exact
//! behaviour. The file is still streamed through one buffer: memory does not grow with the
//! number of respondents.

use std::io::{self, Read};

use csv_core::ReadRecordResult;

use crate::bit::{KATA_CR, KATA_KUTIP, KATA_LF, SATU, bit_blok, sama};

/// The read buffer (grown only for a record longer than it).
const UKURAN_BUFFER: usize = 1 << 18;

/// One record: its fields, and the line it starts on.
pub(crate) struct Rekaman<'a> {
    data: &'a [u8],
    rentang: &'a [(usize, usize)],
    pub baris: u64,
}

impl<'a> Rekaman<'a> {
    pub fn len(&self) -> usize {
        self.rentang.len()
    }

    /// The bytes and the fields' ranges into them.
    pub fn bagian(&self) -> (&'a [u8], &'a [(usize, usize)]) {
        (self.data, self.rentang)
    }

    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let data = self.data;
        self.rentang.get(i).map(|&(a, b)| &data[a..b])
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        let data = self.data;
        self.rentang.iter().map(move |&(a, b)| &data[a..b])
    }
}

pub(crate) struct Pemindai<R> {
    sumber: R,
    buf: Vec<u8>,
    /// The first unread byte of `buf`.
    mulai: usize,
    /// The end of the bytes read into `buf`.
    isi: usize,
    /// The source has no more bytes.
    habis: bool,
    awal_berkas: bool,
    pemisah: u8,
    /// The line number as `csv_core` counts it: one plus the line feeds consumed.
    baris: u64,
    /// The slow path: the `csv` crate's parser, its output and its field ends.
    inti: csv_core::Reader,
    keluaran: Vec<u8>,
    ujung: Vec<usize>,
    /// The fields of the last record: ranges into `buf` from `mulai` (fast path) or into
    /// `keluaran` (slow path).
    rentang: Vec<(usize, usize)>,
    /// The bytes of the last record left at `mulai` while it was borrowed (fast path).
    lewati: usize,
    /// Bytes of the source dropped from the front of `buf`.
    dibuang: u64,
    /// Where in `buf` the next quote or carriage return is (see [`Pemindai::langka`]); `None`
    /// after a refill.
    langka: Option<usize>,
}

/// How far splitting a record in place got.
#[derive(PartialEq, Eq)]
enum Pisah {
    Rekaman,
    /// The record holds a quote or a carriage return: split it with every test.
    Teliti,
    /// The record holds a quote: `csv_core` reads it.
    Lambat,
}

impl<R: Read> Pemindai<R> {
    pub fn new(sumber: R, pemisah: u8) -> Pemindai<R> {
        Pemindai::dengan_buffer(sumber, pemisah, UKURAN_BUFFER)
    }

    /// A scanner for a source that starts at a record inside a file (no byte-order mark is
    /// looked for); lines are counted from 1 there.
    pub fn lanjutan(sumber: R, pemisah: u8) -> Pemindai<R> {
        let mut p = Pemindai::new(sumber, pemisah);
        p.awal_berkas = false;
        p
    }

    /// The bytes of the source consumed so far: up to the end of the last record returned.
    pub fn posisi(&self) -> u64 {
        self.dibuang + (self.mulai + self.lewati) as u64
    }

    /// One plus the line feeds consumed: the line of the next unread byte.
    pub fn baris(&self) -> u64 {
        self.baris
    }

    fn dengan_buffer(sumber: R, pemisah: u8, ukuran: usize) -> Pemindai<R> {
        let mut inti = csv_core::ReaderBuilder::new().delimiter(pemisah).build();
        // csv_core drops a byte-order mark at the start of the first input it is given; this
        // scanner does that itself (the file's start may be read by the fast path), so the
        // parser is given a first record of its own and never sees the file's start as such.
        let (mut o, mut e) = ([0u8; 4], [0usize; 4]);
        let _ = inti.read_record(b"x\n", &mut o, &mut e);
        Pemindai {
            sumber,
            buf: vec![0; ukuran.max(1)],
            mulai: 0,
            isi: 0,
            habis: false,
            awal_berkas: true,
            pemisah,
            baris: 1,
            inti,
            keluaran: vec![0; 1024],
            ujung: vec![0; 64],
            rentang: Vec::with_capacity(64),
            lewati: 0,
            dibuang: 0,
            langka: None,
        }
    }

    /// Reads more bytes, keeping the unread ones (moved to the start of the buffer, which grows
    /// when they fill it). `false` at the end of the source.
    fn isi_ulang(&mut self) -> io::Result<bool> {
        if self.habis {
            return Ok(false);
        }
        self.langka = None;
        if self.mulai > 0 {
            self.dibuang += self.mulai as u64;
            self.buf.copy_within(self.mulai..self.isi, 0);
            self.isi -= self.mulai;
            self.mulai = 0;
        }
        if self.isi == self.buf.len() {
            let n = self.buf.len() * 2;
            self.buf.resize(n, 0);
        }
        loop {
            match self.sumber.read(&mut self.buf[self.isi..]) {
                Ok(0) => {
                    self.habis = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.isi += n;
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// The next record, or `None` at the end.
    pub fn berikut(&mut self) -> io::Result<Option<Rekaman<'_>>> {
        self.mulai += std::mem::take(&mut self.lewati);
        if self.awal_berkas {
            self.awal_berkas = false;
            while self.isi < 3 && self.isi_ulang()? {}
            if self.buf[..self.isi].starts_with(b"\xEF\xBB\xBF") {
                self.mulai = 3;
            }
        }
        // Line ends before a record are not records.
        loop {
            while self.mulai < self.isi {
                match self.buf[self.mulai] {
                    b'\n' => self.baris += 1,
                    b'\r' => {}
                    _ => break,
                }
                self.mulai += 1;
            }
            if self.mulai < self.isi {
                break;
            }
            if !self.isi_ulang()? {
                return Ok(None);
            }
        }
        // The line the record starts on, past the line ends before it.
        let posisi = self.baris;
        if self.cepat()? {
            let data = &self.buf[self.mulai..];
            return Ok(Some(Rekaman {
                data,
                rentang: &self.rentang,
                baris: posisi,
            }));
        }
        self.lambat()?;
        Ok(Some(Rekaman {
            data: &self.keluaran,
            rentang: &self.rentang,
            baris: posisi,
        }))
    }

    /// Splits the record at `mulai` in place: the ranges are relative to `mulai`, which stays at
    /// the record's start while it is borrowed (`lewati` holds its length). `false`, with
    /// nothing consumed, for a record with a quote, which `csv_core` must read.
    fn cepat(&mut self) -> io::Result<bool> {
        // A local vector stays in registers in the loops below; it goes back before returning.
        let mut rentang = std::mem::take(&mut self.rentang);
        rentang.clear();
        let mut hasil = self.pisah(&mut rentang);
        if let Ok(Pisah::Teliti) = hasil {
            rentang.clear();
            hasil = self.pisah_teliti(&mut rentang);
        }
        self.rentang = rentang;
        hasil.map(|h| h == Pisah::Rekaman)
    }

    /// The first quote or carriage return at or after `mulai`, relative to it (the length of
    /// the bytes read when there is none).
    fn langka(&mut self) -> usize {
        let mulai = self.mulai;
        let i = match self.langka {
            Some(i) if i >= mulai => i,
            _ => {
                let data = &self.buf[mulai..self.isi];
                let i = mulai + memchr::memchr2(b'"', b'\r', data).unwrap_or(data.len());
                self.langka = Some(i);
                i
            }
        };
        i - mulai
    }

    /// Splits a record at separators and line feeds only, when it holds no quote and no
    /// carriage return (except the one of a `\r\n`, where the record ends as `csv_core` ends
    /// it: at the `\r`, its `\n` skipped by the next call); `Teliti` when it does.
    fn pisah(&mut self, rentang: &mut Vec<(usize, usize)>) -> io::Result<Pisah> {
        let pemisah = self.pemisah;
        let kata_pemisah = u64::from(pemisah) * SATU;
        // Offsets relative to `mulai`, which a refill moves.
        let (mut i, mut awal) = (0, 0);
        loop {
            let langka = self.langka();
            let data = &self.buf[self.mulai..self.isi];
            let mut ujung = None;
            // Sixty-four bytes at a time, a bit per byte: the loop over one row's separators
            // then runs as many times on every row, which the processor learns to predict.
            while let Some(blok) = data.get(i..i + 64).and_then(|b| b.try_into().ok()) {
                let (ms, ml) = bit_blok(blok, pemisah);
                // The separators before the block's first line feed, then that line feed.
                let akhir = ml.trailing_zeros();
                let sebelum = if akhir < 64 {
                    (1 << akhir) - 1
                } else {
                    u64::MAX
                };
                let mut m = ms & sebelum;
                while m != 0 {
                    let j = i + m.trailing_zeros() as usize;
                    rentang.push((awal, j));
                    awal = j + 1;
                    m &= m - 1;
                }
                if akhir < 64 {
                    let j = i + akhir as usize;
                    rentang.push((awal, j));
                    awal = j + 1;
                    ujung = Some(j);
                    break;
                }
                i += 64;
            }
            // Then eight bytes at a time: the separators and line feeds of a word at once.
            if ujung.is_none() {
                'kata: while let Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) = data.get(i..i + 8) {
                    let w = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
                    let lf = sama(w, KATA_LF);
                    let mut m = sama(w, kata_pemisah) | lf;
                    while m != 0 {
                        let bit = m & m.wrapping_neg();
                        let j = i + (bit.trailing_zeros() / 8) as usize;
                        rentang.push((awal, j));
                        awal = j + 1;
                        if lf & bit != 0 {
                            ujung = Some(j);
                            break 'kata;
                        }
                        m ^= bit;
                    }
                    i += 8;
                }
            }
            if ujung.is_none() {
                // The last bytes read, one at a time.
                while let Some(&b) = data.get(i) {
                    i += 1;
                    if b == pemisah || b == b'\n' {
                        rentang.push((awal, i - 1));
                        awal = i;
                        if b == b'\n' {
                            ujung = Some(i - 1);
                            break;
                        }
                    }
                }
            }
            match ujung {
                Some(j) if langka > j => {
                    self.baris += 1;
                    self.lewati = j + 1;
                    return Ok(Pisah::Rekaman);
                }
                Some(j) if langka + 1 == j && data[langka] == b'\r' => {
                    if let Some(akhir) = rentang.last_mut() {
                        akhir.1 = langka;
                    }
                    self.lewati = langka + 1;
                    return Ok(Pisah::Rekaman);
                }
                Some(_) => return Ok(Pisah::Teliti),
                None if self.habis => {
                    if langka < data.len() {
                        return Ok(Pisah::Teliti);
                    }
                    rentang.push((awal, i));
                    self.lewati = i;
                    return Ok(Pisah::Rekaman);
                }
                None => {
                    self.isi_ulang()?;
                }
            }
        }
    }

    /// Splits a record at separators and any line end, one that holds a carriage return;
    /// `Lambat` when it holds a quote.
    fn pisah_teliti(&mut self, rentang: &mut Vec<(usize, usize)>) -> io::Result<Pisah> {
        let pemisah = self.pemisah;
        let kata_pemisah = u64::from(pemisah) * SATU;
        let (mut i, mut awal) = (0, 0);
        // A quote anywhere in the words read (even past the record's end) sends the record to
        // the slow path, which reads any record exactly: only a field that starts with a quote
        // needs it, but one test per word is cheaper than one per field.
        let mut kutip = 0;
        loop {
            let data = &self.buf[self.mulai..self.isi];
            let mut ujung = None;
            'kata: while let Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) = data.get(i..i + 8) {
                let w = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
                kutip |= sama(w, KATA_KUTIP);
                let akhir = sama(w, KATA_LF) | sama(w, KATA_CR);
                let mut m = sama(w, kata_pemisah) | akhir;
                while m != 0 {
                    let bit = m & m.wrapping_neg();
                    let j = i + (bit.trailing_zeros() / 8) as usize;
                    rentang.push((awal, j));
                    awal = j + 1;
                    if akhir & bit != 0 {
                        ujung = Some(j);
                        break 'kata;
                    }
                    m ^= bit;
                }
                i += 8;
            }
            if ujung.is_none() {
                while let Some(&b) = data.get(i) {
                    i += 1;
                    kutip |= u64::from(b == b'"');
                    if b == pemisah {
                        rentang.push((awal, i - 1));
                        awal = i;
                    } else if b == b'\n' || b == b'\r' {
                        rentang.push((awal, i - 1));
                        ujung = Some(i - 1);
                        break;
                    }
                }
            }
            if kutip != 0 {
                return Ok(Pisah::Lambat);
            }
            if let Some(j) = ujung {
                if data[j] == b'\n' {
                    self.baris += 1;
                }
                self.lewati = j + 1;
                return Ok(Pisah::Rekaman);
            }
            if self.habis {
                rentang.push((awal, i));
                self.lewati = i;
                return Ok(Pisah::Rekaman);
            }
            self.isi_ulang()?;
        }
    }

    /// Reads the record at `mulai` with `csv_core`.
    fn lambat(&mut self) -> io::Result<()> {
        self.inti.set_line(self.baris);
        let (mut nkel, mut nujung) = (0, 0);
        loop {
            let masukan = &self.buf[self.mulai..self.isi];
            let (hasil, nin, nout, nend) = self.inti.read_record(
                masukan,
                &mut self.keluaran[nkel..],
                &mut self.ujung[nujung..],
            );
            self.mulai += nin;
            nkel += nout;
            nujung += nend;
            match hasil {
                ReadRecordResult::InputEmpty => {
                    if self.mulai == self.isi && !self.habis {
                        self.isi_ulang()?;
                    }
                }
                ReadRecordResult::OutputFull => {
                    let n = self.keluaran.len() * 2;
                    self.keluaran.resize(n, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let n = self.ujung.len() * 2;
                    self.ujung.resize(n, 0);
                }
                ReadRecordResult::Record | ReadRecordResult::End => break,
            }
        }
        self.baris = self.inti.line();
        self.rentang.clear();
        let mut a = 0;
        for &b in &self.ujung[..nujung] {
            self.rentang.push((a, b));
            a = b;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out at most `n` bytes per read, so records straddle refills.
    struct Tetes<'a>(&'a [u8], usize);

    impl Read for Tetes<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    type Hasil = Vec<(u64, Vec<Vec<u8>>)>;

    fn pindai(input: &[u8], pemisah: u8, tetes: usize, ukuran: usize) -> Hasil {
        let mut p = Pemindai::dengan_buffer(Tetes(input, tetes), pemisah, ukuran);
        let mut v = Vec::new();
        while let Some(r) = p.berikut().unwrap() {
            v.push((r.baris, r.iter().map(<[u8]>::to_vec).collect()));
        }
        v
    }

    /// The csv crate's records, each with the line it starts on: one plus the line feeds before
    /// its first byte (the crate's own position is where the previous record ended; the line
    /// ends and empty lines after it are skipped here, as a reader of the file counts).
    fn csv_crate(input: &[u8], pemisah: u8) -> Hasil {
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(pemisah)
            .flexible(true)
            .has_headers(false)
            .from_reader(input);
        let mut rec = csv::ByteRecord::new();
        let mut v = Vec::new();
        while rdr.read_byte_record(&mut rec).unwrap() {
            let mut awal = rec.position().map_or(0, |p| p.byte() as usize);
            if awal == 0 && input.starts_with(b"\xEF\xBB\xBF") {
                awal = 3;
            }
            while matches!(input.get(awal), Some(b'\r' | b'\n')) {
                awal += 1;
            }
            let baris = 1 + input[..awal].iter().filter(|&&b| b == b'\n').count() as u64;
            v.push((baris, rec.iter().map(<[u8]>::to_vec).collect()));
        }
        v
    }

    #[test]
    fn plain_quoted_and_crlf_records() {
        let input = b"\xEF\xBB\xBFa,b\r\n\r\n\"x,\"\"y\"\"\",2\nc,,\n\n\nlast";
        let v = pindai(input, b',', usize::MAX, 1 << 10);
        assert_eq!(v, csv_crate(input, b','));
        // By hand: the BOM is dropped; a record's line is the one it starts on: `a,b` line 1,
        // the quoted record after an empty line 3, `c,,` 4, `last` after two empty lines 7.
        let baris: Vec<u64> = v.iter().map(|r| r.0).collect();
        assert_eq!(baris, [1, 3, 4, 7]);
        assert_eq!(v[1].1, [b"x,\"y\"".to_vec(), b"2".to_vec()]);
        assert_eq!(v[2].1, [b"c".to_vec(), Vec::new(), Vec::new()]);
    }

    /// Random bytes, split and compared with the csv crate, with every read handing out 1 to
    /// 200 bytes and a buffer of 1 to 200 that may have to grow: from the characters that
    /// matter to CSV (short records, every path), and from mostly letters (records longer than
    /// the 64-byte blocks, quotes and carriage returns rare).
    #[test]
    fn same_records_and_lines_as_the_csv_crate() {
        const RAPAT: &[u8] = b"ab ,;\"\"\n\n\r\xEF\xBB\xBF\t";
        const JARANG: &[u8] =
            b"abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz,,,,;\t\n\"\r";
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut acak = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for kasus in 0..6_000usize {
            let huruf = if kasus.is_multiple_of(2) {
                RAPAT
            } else {
                JARANG
            };
            let panjang = acak(400) as usize;
            let input: Vec<u8> = (0..panjang)
                .map(|_| huruf[acak(huruf.len() as u64) as usize])
                .collect();
            let pemisah = [b',', b';', b'\t'][kasus % 3];
            let tetes = 1 + acak(200) as usize;
            let ukuran = 1 + acak(200) as usize;
            assert_eq!(
                pindai(&input, pemisah, tetes, ukuran),
                csv_crate(&input, pemisah),
                "{:?}",
                String::from_utf8_lossy(&input)
            );
        }
    }
}
