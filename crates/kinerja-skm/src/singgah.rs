//! Raw profile cell values already seen, with the counter slot of their group.
//!
//! A profile column of a survey holds a handful of distinct values (six services, two sexes,
//! sixty ages) repeated on every row. Finding a value's group through the core normalises the
//! text and hashes the group name; here a short value (up to 16 bytes) is a key of two words
//! and its length in an open-addressing table, so most rows find their group in one
//! comparison. Longer values (timestamps) and values past [`MAKS`] distinct ones are not kept:
//! they take the core's way, so a column of all-different values costs what it did and memory
//! stays bounded.

/// At most this many values per column are kept.
const MAKS: usize = 4096;

/// Values longer than this are not kept.
const PANJANG_MAKS: usize = 16;

/// A value of at most 16 bytes: its bytes zero-padded to 16, as two words, and its length. Two
/// values with the same key are equal.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Kunci {
    a: u64,
    b: u64,
    n: u64,
}

/// Per length, the bytes of the two words that belong to the value.
const TOPENG: [(u64, u64); PANJANG_MAKS + 1] = {
    let mut t = [(0, 0); PANJANG_MAKS + 1];
    let mut n = 1;
    while n <= PANJANG_MAKS {
        t[n] = if n < 8 {
            (u64::MAX >> (64 - 8 * n), 0)
        } else if n == 8 {
            (u64::MAX, 0)
        } else {
            (u64::MAX, u64::MAX >> (64 - 8 * (n - 8)))
        };
        n += 1;
    }
    t
};

fn kata8(b: &[u8]) -> u64 {
    u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

/// The key of a value from 16 bytes that start with it (what follows it is masked off), without
/// a branch on its length.
fn kunci_jendela(jendela: &[u8; 16], n: usize) -> Option<Kunci> {
    let &(ta, tb) = TOPENG.get(n)?;
    Some(Kunci {
        a: kata8(&jendela[..8]) & ta,
        b: kata8(&jendela[8..]) & tb,
        n: n as u64,
    })
}

fn kunci(v: &[u8]) -> Option<Kunci> {
    let mut jendela = [0u8; 16];
    jendela.get_mut(..v.len())?.copy_from_slice(v);
    kunci_jendela(&jendela, v.len())
}

fn hash(k: Kunci) -> u64 {
    (k.a ^ k.b.rotate_left(29) ^ k.n.rotate_left(58)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

pub(crate) struct Singgah {
    /// (key, value + 1); 0 marks an empty place.
    slot: Vec<(Kunci, u32)>,
    isi: usize,
}

impl Singgah {
    pub fn new() -> Singgah {
        Singgah {
            slot: vec![(Kunci::default(), 0); 64],
            isi: 0,
        }
    }

    fn letak(&self, k: Kunci) -> usize {
        let bit = self.slot.len().trailing_zeros();
        let mut i = (hash(k) >> (64 - bit)) as usize;
        let topeng = self.slot.len() - 1;
        loop {
            let (kk, g) = self.slot[i];
            if g == 0 || kk == k {
                return i;
            }
            i = (i + 1) & topeng;
        }
    }

    /// The number kept with a value.
    pub fn cari(&self, nilai: &[u8]) -> Option<usize> {
        self.cari_kunci(kunci(nilai)?)
    }

    /// The number kept with the value of `n` bytes that starts `jendela`.
    #[inline]
    pub fn cari_jendela(&self, jendela: &[u8; 16], n: usize) -> Option<usize> {
        self.cari_kunci(kunci_jendela(jendela, n)?)
    }

    #[inline]
    fn cari_kunci(&self, k: Kunci) -> Option<usize> {
        match self.slot[self.letak(k)] {
            (_, 0) => None,
            (_, g) => Some(g as usize - 1),
        }
    }

    /// Keeps a number with a value, when the value is short and there is room.
    pub fn simpan(&mut self, nilai: &[u8], angka: usize) {
        let (Some(k), Ok(g)) = (kunci(nilai), u32::try_from(angka + 1)) else {
            return;
        };
        if self.isi >= MAKS {
            return;
        }
        // At most half full, so a probe ends soon.
        if 2 * (self.isi + 1) > self.slot.len() {
            let baru = vec![(Kunci::default(), 0); self.slot.len() * 2];
            let lama = std::mem::replace(&mut self.slot, baru);
            for (kk, gg) in lama.into_iter().filter(|s| s.1 != 0) {
                let i = self.letak(kk);
                self.slot[i] = (kk, gg);
            }
        }
        let i = self.letak(k);
        if self.slot[i].1 == 0 {
            self.isi += 1;
        }
        self.slot[i] = (k, g);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_told_apart_by_every_byte_and_the_length() {
        let mut s = Singgah::new();
        s.simpan(b"KTP", 0);
        s.simpan(b"", 1);
        s.simpan(b"a\0", 2);
        assert_eq!(s.cari(b"KTP"), Some(0));
        assert_eq!(s.cari(b""), Some(1));
        assert_eq!(s.cari(b"a\0"), Some(2));
        assert_eq!(s.cari(b"a"), None);
        assert_eq!(s.cari(b"KTp"), None);
    }

    #[test]
    fn long_values_are_not_kept_and_the_table_stops_at_its_limit() {
        let mut s = Singgah::new();
        s.simpan(b"2024-03-15T10:11:12", 0);
        assert_eq!(s.cari(b"2024-03-15T10:11:12"), None);
        // 17 bytes is one too many; 16 is kept.
        s.simpan(b"0123456789abcdefg", 1);
        s.simpan(b"0123456789abcdef", 2);
        assert_eq!(s.cari(b"0123456789abcdefg"), None);
        assert_eq!(s.cari(b"0123456789abcdef"), Some(2));
        for i in 0..MAKS + 10 {
            s.simpan(i.to_string().as_bytes(), i);
        }
        // 1 kept before, then MAKS - 1 numbers: 0 ..= 4094 kept, 4095 on not.
        assert_eq!(s.cari(b"4094"), Some(4094));
        assert_eq!(s.cari(b"4095"), None);
        assert_eq!(s.cari(b"0123456789abcdef"), Some(2));
    }

    #[test]
    fn the_key_from_a_window_ignores_what_follows_the_value() {
        let baris = b"Akta Kelahiran,Laki-laki,45,SMA,PNS,1,2,3,4,1,2,3,4,1";
        for awal in 0..20 {
            for n in 0..=PANJANG_MAKS {
                let Some(j) = baris.get(awal..awal + 16) else {
                    continue;
                };
                let jendela: &[u8; 16] = j.try_into().unwrap();
                let nilai = &baris[awal..awal + n];
                assert!(kunci_jendela(jendela, n) == kunci(nilai), "{awal} {n}");
            }
        }
        let mut s = Singgah::new();
        s.simpan(b"KTP", 7);
        assert_eq!(s.cari_jendela(b"KTP,Perempuan,34", 3), Some(7));
    }

    #[test]
    fn every_value_up_to_sixteen_bytes_has_its_own_key() {
        // Values differing in one byte at each position, at each length: the key must tell
        // them apart (the words read the bytes the length says, overlapping).
        for n in 0..=PANJANG_MAKS {
            let dasar = vec![b'a'; n];
            for i in 0..n {
                let mut lain = dasar.clone();
                lain[i] = b'b';
                assert!(kunci(&dasar) != kunci(&lain), "n={n} i={i}");
            }
            assert!(kunci(&dasar) != kunci(&vec![b'a'; n + 1]));
        }
    }
}
