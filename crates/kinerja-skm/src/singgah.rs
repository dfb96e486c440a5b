//! Raw profile cell values already seen, with the index of their group.
//!
//! A profile column of a survey holds a handful of distinct values (six services, two sexes,
//! sixty ages) repeated on every row. Finding a value's group through the core normalises the
//! text and hashes the group name; here a short value (up to 15 bytes) is one 128-bit key in
//! an open-addressing table, so most rows find their group in one comparison. Longer values
//! (timestamps) and values past [`MAKS`] distinct ones are not kept: they take the core's way,
//! so a column of all-different values costs what it did and memory stays bounded.

/// At most this many values per column are kept.
const MAKS: usize = 4096;

/// Values longer than this are not kept (the key holds 15 bytes and the length).
const PANJANG_MAKS: usize = 15;

pub(crate) struct Singgah {
    /// (key, group + 1); 0 marks an empty slot.
    slot: Vec<(u128, u32)>,
    isi: usize,
}

fn kunci(nilai: &[u8]) -> Option<u128> {
    if nilai.len() > PANJANG_MAKS {
        return None;
    }
    let mut k = [0u8; 16];
    k[..nilai.len()].copy_from_slice(nilai);
    // The length in the last byte tells `a` from `a\0`.
    k[15] = nilai.len() as u8;
    Some(u128::from_le_bytes(k))
}

fn hash(k: u128) -> u64 {
    let (lo, hi) = (k as u64, (k >> 64) as u64);
    (lo ^ hi.rotate_left(32).wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9)
}

impl Singgah {
    pub fn new() -> Singgah {
        Singgah {
            slot: vec![(0, 0); 64],
            isi: 0,
        }
    }

    fn letak(&self, k: u128) -> usize {
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

    /// The group of a value kept earlier.
    pub fn cari(&self, nilai: &[u8]) -> Option<usize> {
        let k = kunci(nilai)?;
        match self.slot[self.letak(k)] {
            (_, 0) => None,
            (_, g) => Some(g as usize - 1),
        }
    }

    /// Keeps a value's group, when the value is short and there is room.
    pub fn simpan(&mut self, nilai: &[u8], kelompok: usize) {
        let (Some(k), Ok(g)) = (kunci(nilai), u32::try_from(kelompok + 1)) else {
            return;
        };
        if self.isi >= MAKS {
            return;
        }
        // At most half full, so a probe ends soon.
        if 2 * (self.isi + 1) > self.slot.len() {
            let baru = vec![(0, 0); self.slot.len() * 2];
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
        // 16 bytes is one too many; 15 is kept.
        s.simpan(b"0123456789abcdef", 1);
        s.simpan(b"0123456789abcde", 2);
        assert_eq!(s.cari(b"0123456789abcdef"), None);
        assert_eq!(s.cari(b"0123456789abcde"), Some(2));
        for i in 0..MAKS + 10 {
            s.simpan(i.to_string().as_bytes(), i);
        }
        // 1 kept before, then MAKS - 1 numbers: 0 ..= 4094 kept, 4095 on not.
        assert_eq!(s.cari(b"4094"), Some(4094));
        assert_eq!(s.cari(b"4095"), None);
        assert_eq!(s.cari(b"0123456789abcde"), Some(2));
    }
}
