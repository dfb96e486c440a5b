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
    /// All respondents: `lebar` rows of 64 counters.
    total: Vec<u64>,
    /// Per profile column, per group (by the core's group index): `lebar` rows of 64 counters.
    kolom: Vec<Vec<u64>>,
}

impl Cacah {
    pub fn new(jumlah_unsur: usize, jumlah_kolom: usize) -> Cacah {
        let lebar = jumlah_unsur.div_ceil(PER_KODE);
        Cacah {
            jumlah_unsur,
            lebar,
            kode: vec![0; lebar],
            total: vec![0; lebar * KODE],
            kolom: vec![Vec::new(); jumlah_kolom],
        }
    }

    /// Counts one respondent: an answer per unsur, and the group index per profile column.
    pub fn catat(&mut self, jawaban: &[Jawaban], kelompok: &[usize]) {
        for (k, tiga) in self.kode.iter_mut().zip(jawaban.chunks(PER_KODE)) {
            *k = tiga.iter().fold(0, |a, j| a << 2 | j.indeks());
        }
        let baris = self.lebar * KODE;
        for (t, &k) in self.kode.iter().enumerate() {
            self.total[t * KODE + k] += 1;
        }
        for (c, &g) in self.kolom.iter_mut().zip(kelompok) {
            let awal = g * baris;
            if c.len() < awal + baris {
                c.resize(awal + baris, 0);
            }
            for (t, &k) in self.kode.iter().enumerate() {
                c[awal + t * KODE + k] += 1;
            }
        }
    }

    /// The counts of one tally, per unsur and answer, and its respondents.
    fn buka(&self, hitungan: &[u64]) -> (Vec<[u64; 4]>, u64) {
        let mut jumlah = vec![[0u64; 4]; self.jumlah_unsur];
        for (t, baris) in hitungan.chunks(KODE).enumerate() {
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
        let responden = hitungan.get(..KODE).map_or(0, |b| b.iter().sum());
        (jumlah, responden)
    }

    /// Adds the counts to the core's tallies: the total, and each group of each column (the
    /// groups already exist: their indices came from the core).
    pub fn ke(&self, tabulasi: &mut TabulasiSurvei) -> Result<(), GalatSkm> {
        let (jumlah, responden) = self.buka(&self.total);
        if responden > 0 {
            tabulasi.total.tambah(&jumlah, responden)?;
        }
        for (r, c) in tabulasi.rincian.iter_mut().zip(&self.kolom) {
            for (g, hitungan) in c.chunks(self.lebar * KODE).enumerate() {
                let (jumlah, responden) = self.buka(hitungan);
                if responden > 0 {
                    r.tambah_di(g, &jumlah, responden)?;
                }
            }
        }
        Ok(())
    }
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
        c.catat(&[TidakBaik, KurangBaik, Baik, SangatBaik], &[g0]);
        c.catat(&[SangatBaik, SangatBaik, Baik, TidakBaik], &[g1]);
        c.catat(&[TidakBaik, Baik, Baik, SangatBaik], &[g0]);
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
}
