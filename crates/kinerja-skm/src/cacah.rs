//! Answer counters for many rows: a respondent's answers are packed three unsur to a code
//! (4 x 4 x 4 = 64 codes) and a counter per code is incremented, so a row costs one increment per
//! three unsur in each tally (all respondents, and the respondent's group in every profile
//! column) instead of one per unsur. The counts per unsur and answer are unpacked once, at the
//! end, into the core's [`TabulasiSurvei`].

use kinerja_core::skm::{GalatSkm, Jawaban, TabulasiSurvei};

/// Unsur per code.
const PER_KODE: usize = 3;
/// Codes of three answers.
const KODE: usize = 64;

pub(crate) struct Cacah {
    jumlah_unsur: usize,
    /// Codes per respondent: `ceil(jumlah_unsur / 3)`.
    lebar: usize,
    kode: Vec<usize>,
    /// Per tally ("slot"), `lebar` rows of 64 counters. Slot 0 counts all respondents when
    /// there is no profile column (otherwise they are the sum of the first column's groups,
    /// since every counted respondent is in one of them); the others one group of one profile
    /// column each, numbered as they appear.
    hitungan: Vec<[u64; KODE]>,
    /// Per profile column, the slot of each group (by the core's group index).
    slot: Vec<Vec<usize>>,
}

impl Cacah {
    pub fn new(jumlah_unsur: usize, jumlah_kolom: usize) -> Cacah {
        let lebar = jumlah_unsur.div_ceil(PER_KODE);
        Cacah {
            jumlah_unsur,
            lebar,
            kode: vec![0; lebar],
            hitungan: vec![[0; KODE]; lebar],
            slot: vec![Vec::new(); jumlah_kolom],
        }
    }

    /// The slot of a group of a profile column, opened when new.
    pub fn slot(&mut self, kolom: usize, kelompok: usize) -> usize {
        let daftar = &mut self.slot[kolom];
        if let Some(&s) = daftar.get(kelompok) {
            return s;
        }
        while daftar.len() <= kelompok {
            daftar.push(self.hitungan.len() / self.lebar);
            self.hitungan
                .resize(self.hitungan.len() + self.lebar, [0; KODE]);
        }
        daftar[kelompok]
    }

    /// Counts one respondent: an answer per unsur, and the slot of its group in every profile
    /// column.
    pub fn catat(&mut self, jawaban: &[Jawaban], slot: &[usize]) {
        for (k, tiga) in self.kode.iter_mut().zip(jawaban.chunks(PER_KODE)) {
            *k = tiga.iter().fold(0, |a, j| a << 2 | j.indeks());
        }
        self.catat_kode(slot);
    }

    /// Packs a row's answers when every one is a single digit `1`-`4` (nearly every row of an
    /// export): cell `k` of the row is `data[rentang[k].0..rentang[k].1]`, `kolom` the column of
    /// each unsur. `false`, nothing counted, for any other row; [`Cacah::catat_kode`] then
    /// counts the packed row. Unsur are packed as [`Cacah::catat`] packs them, so both ways
    /// count the same.
    pub fn kode_digit(&mut self, kolom: &[usize], data: &[u8], rentang: &[(usize, usize)]) -> bool {
        // The regulations' questionnaires (9 and 14 unsur) get loops the compiler unrolls; any
        // other length the general one.
        if let (Ok(kode), Ok(kolom)) = (
            <&mut [usize; 3]>::try_from(&mut self.kode[..]),
            <&[usize; 9]>::try_from(kolom),
        ) {
            return kode_digit_l(kode, kolom, data, rentang);
        }
        if let (Ok(kode), Ok(kolom)) = (
            <&mut [usize; 5]>::try_from(&mut self.kode[..]),
            <&[usize; 14]>::try_from(kolom),
        ) {
            return kode_digit_l(kode, kolom, data, rentang);
        }
        if kolom.is_empty() {
            return false;
        }
        for (k, tiga) in self.kode.iter_mut().zip(kolom.chunks(PER_KODE)) {
            let mut x = 0;
            for &c in tiga {
                let Some(d) = digit(c, data, rentang) else {
                    return false;
                };
                x = x << 2 | d;
            }
            *k = x;
        }
        true
    }

    /// Counts the row packed last ([`Cacah::catat`], [`Cacah::kode_digit`]) in the total and in
    /// the slot of its group in every profile column.
    pub fn catat_kode(&mut self, slot: &[usize]) {
        if let Ok(kode) = <&[usize; 3]>::try_from(&self.kode[..]) {
            let kode = *kode;
            self.catat_l(&kode, slot);
        } else if let Ok(kode) = <&[usize; 5]>::try_from(&self.kode[..]) {
            let kode = *kode;
            self.catat_l(&kode, slot);
        } else {
            let n = self.lebar;
            let semua = self.slot.is_empty().then_some(0);
            for s in semua.into_iter().chain(slot.iter().copied()) {
                for (baris, &k) in self.hitungan[s * n..(s + 1) * n].iter_mut().zip(&self.kode) {
                    baris[k % KODE] += 1;
                }
            }
        }
    }

    /// [`Cacah::catat_kode`] for `L` codes.
    fn catat_l<const L: usize>(&mut self, kode: &[usize; L], slot: &[usize]) {
        let tambah = |h: &mut [[u64; KODE]], s: usize| {
            let blok = h.get_mut(s * L..(s + 1) * L);
            if let Some(blok) = blok.and_then(|b| <&mut [[u64; KODE]; L]>::try_from(b).ok()) {
                for (baris, &k) in blok.iter_mut().zip(kode) {
                    baris[k % KODE] += 1;
                }
            }
        };
        if self.slot.is_empty() {
            tambah(&mut self.hitungan, 0);
        }
        for &s in slot {
            tambah(&mut self.hitungan, s);
        }
    }

    /// The counts of one slot, per unsur and answer, and its respondents.
    fn buka(&self, s: usize) -> (Vec<[u64; 4]>, u64) {
        let mut jumlah = vec![[0u64; 4]; self.jumlah_unsur];
        let baris = &self.hitungan[s * self.lebar..(s + 1) * self.lebar];
        for (t, baris) in baris.iter().enumerate() {
            let awal = t * PER_KODE;
            let n = PER_KODE.min(self.jumlah_unsur - awal);
            for (kode, &x) in baris.iter().enumerate() {
                if x == 0 {
                    continue;
                }
                // The first unsur of the three is in the highest bits of the code.
                for i in 0..n {
                    jumlah[awal + i][(kode >> (2 * (n - 1 - i))) & 3] += x;
                }
            }
        }
        let responden = baris.first().map_or(0, |b| b.iter().sum());
        (jumlah, responden)
    }

    /// Adds the counts to the core's tallies: the total, and each group of each column (the
    /// groups exist: their indices came from the core).
    pub fn ke(&self, tabulasi: &mut TabulasiSurvei) -> Result<(), GalatSkm> {
        let (jumlah, responden) = match self.slot.first() {
            None => self.buka(0),
            Some(kelompok) => {
                let mut semua = (vec![[0u64; 4]; self.jumlah_unsur], 0);
                for &s in kelompok {
                    let (jumlah, responden) = self.buka(s);
                    for (a, b) in semua.0.iter_mut().zip(&jumlah) {
                        for (x, y) in a.iter_mut().zip(b) {
                            *x += y;
                        }
                    }
                    semua.1 += responden;
                }
                semua
            }
        };
        if responden > 0 {
            tabulasi.total.tambah(&jumlah, responden)?;
        }
        for (r, slot) in tabulasi.rincian.iter_mut().zip(&self.slot) {
            for (g, &s) in slot.iter().enumerate() {
                let (jumlah, responden) = self.buka(s);
                if responden > 0 {
                    r.tambah_di(g, &jumlah, responden)?;
                }
            }
        }
        Ok(())
    }
}

/// The answer index (0-3) of cell `k` when it is one digit `1`-`4`.
#[inline(always)]
fn digit(k: usize, data: &[u8], rentang: &[(usize, usize)]) -> Option<usize> {
    let &(a, b) = rentang.get(k)?;
    if b.wrapping_sub(a) != 1 {
        return None;
    }
    let d = data.get(a)?.wrapping_sub(b'1');
    (d < 4).then_some(usize::from(d))
}

/// [`Cacah::kode_digit`] for `N` unsur in `L` codes.
fn kode_digit_l<const N: usize, const L: usize>(
    kode: &mut [usize; L],
    kolom: &[usize; N],
    data: &[u8],
    rentang: &[(usize, usize)],
) -> bool {
    let mut x = [0usize; L];
    for (u, &c) in kolom.iter().enumerate() {
        let Some(d) = digit(c, data, rentang) else {
            return false;
        };
        x[u / PER_KODE] = x[u / PER_KODE] << 2 | d;
    }
    *kode = x;
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use Jawaban::*;
    use kinerja_core::skm::JenisProfil;

    #[test]
    fn packed_counts_unpack_to_the_tally_of_each_answer() {
        // Four unsur: codes of U1..U3 and of U4 alone. Column "layanan": groups 0 and 1.
        let mut t = TabulasiSurvei::new(4, vec![("layanan".into(), JenisProfil::Layanan)]);
        let g0 = t.rincian[0].indeks_kelompok("KTP");
        let g1 = t.rincian[0].indeks_kelompok("KK");
        let mut c = Cacah::new(4, 1);
        // Slots by group index: KTP (group 0) slot 1, KK (group 1) slot 2; 0 is everyone.
        let (s1, s0) = (c.slot(0, g1), c.slot(0, g0));
        assert_eq!((s1, s0), (2, 1));
        c.catat(&[TidakBaik, KurangBaik, Baik, SangatBaik], &[s0]);
        c.catat(&[SangatBaik, SangatBaik, Baik, TidakBaik], &[s1]);
        c.catat(&[TidakBaik, Baik, Baik, SangatBaik], &[s0]);
        c.ke(&mut t).unwrap();
        // By hand: U1 answered 1, 4, 1; U2 2, 4, 3; U3 3, 3, 3; U4 4, 1, 4.
        assert_eq!(
            t.total.jumlah(),
            &[[2, 0, 0, 1], [0, 1, 1, 1], [0, 0, 3, 0], [1, 0, 0, 2]]
        );
        assert_eq!(t.total.responden(), 3);
        let k = t.rincian[0].kelompok();
        assert_eq!(k[0].1.jumlah()[1], [0, 1, 1, 0]);
        assert_eq!(k[1].1.jumlah()[3], [1, 0, 0, 0]);
        assert_eq!((k[0].1.responden(), k[1].1.responden()), (2, 1));
    }

    /// Any number of unsur (the unrolled 9 and 14, and every other) counts what the core's own
    /// respondent-by-respondent tally counts.
    #[test]
    fn every_questionnaire_length_counts_like_the_core() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for n in 1..=15 {
            let profil = vec![("layanan".to_string(), JenisProfil::Layanan)];
            let mut inti = TabulasiSurvei::new(n, profil.clone());
            let mut t = TabulasiSurvei::new(n, profil);
            let mut c = Cacah::new(n, 1);
            for _ in 0..200 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let jawaban: Vec<Jawaban> = (0..n)
                    .map(|u| Jawaban::SEMUA[((x >> (2 * u)) % 4) as usize])
                    .collect();
                let layanan = ["KTP", "KK", "Akta"][(x >> 40) as usize % 3];
                inti.catat(&jawaban, &[layanan]).unwrap();
                let g = t.rincian[0].indeks_kelompok(layanan);
                let s = c.slot(0, g);
                c.catat(&jawaban, &[s]);
            }
            c.ke(&mut t).unwrap();
            assert_eq!(t.total, inti.total, "{n} unsur");
            assert_eq!(
                t.rincian[0].kelompok(),
                inti.rincian[0].kelompok(),
                "{n} unsur"
            );
        }
    }

    /// Rows as cells: packed straight from the digits ([`Cacah::kode_digit`]) they count what
    /// the core's own tally counts, for every questionnaire length; a row with any other
    /// answer is refused and counts nothing.
    #[test]
    fn digit_rows_count_like_the_core_and_other_rows_are_refused() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut acak = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for n in 1..=15 {
            let mut inti = TabulasiSurvei::new(n, Vec::new());
            let mut t = TabulasiSurvei::new(n, Vec::new());
            let mut c = Cacah::new(n, 0);
            // The unsur in columns 1..=n in reverse order, after a profile cell in column 0.
            let kolom: Vec<usize> = (1..=n).rev().collect();
            let (mut sah, mut ditolak) = (0, 0);
            for _ in 0..300 {
                let mut sel: Vec<Vec<u8>> = vec![b"KTP".to_vec()];
                for _ in 0..n {
                    sel.push(vec![b'1' + acak(4) as u8]);
                }
                // One row in four has one cell that is not a single digit 1-4.
                let rusak = acak(4) == 0;
                if rusak {
                    let i = 1 + acak(n as u64) as usize;
                    sel[i] = [&b"5"[..], b"0", b"", b"12", b"a", b" 1"][acak(6) as usize].to_vec();
                }
                let mut data = Vec::new();
                let mut rentang = Vec::new();
                for s in &sel {
                    rentang.push((data.len(), data.len() + s.len()));
                    data.extend_from_slice(s);
                    data.push(b',');
                }
                let ok = c.kode_digit(&kolom, &data, &rentang);
                assert_eq!(ok, !rusak, "{n} unsur: {sel:?}");
                if ok {
                    c.catat_kode(&[]);
                    let jawaban: Vec<Jawaban> = kolom
                        .iter()
                        .map(|&k| Jawaban::dari_nilai(sel[k][0] - b'0').unwrap())
                        .collect();
                    inti.catat(&jawaban, &[]).unwrap();
                    sah += 1;
                } else {
                    ditolak += 1;
                }
            }
            assert!(sah > 150 && ditolak > 30, "{n} unsur: {sah} {ditolak}");
            c.ke(&mut t).unwrap();
            assert_eq!(t.total, inti.total, "{n} unsur");
        }
    }
}
