//! Bytes as bits: which bytes of a word or of a 64-byte block are a given byte, for the CSV
//! scanner ([`crate::pindai`]).

use fearless_simd::{Level, Simd, SimdFrom, dispatch, u8x64};

pub(crate) const SATU: u64 = 0x0101_0101_0101_0101;
const TUJUH: u64 = 0x7F7F_7F7F_7F7F_7F7F;
pub(crate) const KATA_LF: u64 = b'\n' as u64 * SATU;
pub(crate) const KATA_CR: u64 = b'\r' as u64 * SATU;
pub(crate) const KATA_KUTIP: u64 = b'"' as u64 * SATU;

/// The high bit of every byte of `w` that equals the byte repeated in `b`. Exact: the sum never
/// carries into the next byte.
pub(crate) fn sama(w: u64, b: u64) -> u64 {
    let x = w ^ b;
    !(((x & TUJUH) + TUJUH) | x | TUJUH)
}

/// The high bits of the eight bytes of `m` (as [`sama`] leaves them) as eight bits, byte `i`
/// to bit `i`: the multiplication moves each to the top byte, where no two collide.
fn kumpul(m: u64) -> u64 {
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// The separators and line feeds of 64 bytes, bit `i` for byte `i`: with the processor's vector
/// compare (the baseline of the target, SSE2 on x86-64, fixed when compiling), or eight bytes
/// at a time where there is none.
pub(crate) fn bit_blok(blok: &[u8; 64], pemisah: u8) -> (u64, u64) {
    const LEVEL: Level = Level::baseline();
    if LEVEL.is_fallback() {
        return bit_blok_kata(blok, u64::from(pemisah) * SATU);
    }
    dispatch!(LEVEL, simd => bit_blok_simd(simd, blok, pemisah))
}

#[inline(always)]
fn bit_blok_simd<S: Simd>(simd: S, blok: &[u8; 64], pemisah: u8) -> (u64, u64) {
    let v = u8x64::simd_from(simd, *blok);
    let ms = simd.simd_eq_u8x64(v, simd.splat_u8x64(pemisah));
    let ml = simd.simd_eq_u8x64(v, simd.splat_u8x64(b'\n'));
    (simd.to_bitmask_mask8x64(ms), simd.to_bitmask_mask8x64(ml))
}

/// [`bit_blok`] eight bytes at a time.
fn bit_blok_kata(blok: &[u8; 64], kata_pemisah: u64) -> (u64, u64) {
    let (mut ms, mut ml) = (0, 0);
    for (k, w) in blok.chunks_exact(8).enumerate() {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        ms |= kumpul(sama(w, kata_pemisah)) << (8 * k);
        ml |= kumpul(sama(w, KATA_LF)) << (8 * k);
    }
    (ms, ml)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_bytes_of_a_word_and_only_those() {
        for t in 0..=255u8 {
            for x in 0..=255u8 {
                // `x` at byte 3 among bytes equal to `t` + 1, so only byte 3 can match.
                let mut b = [t.wrapping_add(1); 8];
                b[3] = x;
                let harap = if x == t { 0x80 << 24 } else { 0 };
                assert_eq!(sama(u64::from_le_bytes(b), u64::from(t) * SATU), harap);
            }
        }
    }

    #[test]
    fn a_block_of_bytes_as_bits() {
        for bit in 0..=255u8 {
            // Bytes 0-7 a separator where `bit` has a one, bytes 8-63 none; then the same
            // pattern in the last word.
            let mut b = [b'x'; 64];
            for i in 0..8 {
                if bit >> i & 1 == 1 {
                    b[i] = b',';
                    b[56 + i] = b'\n';
                }
            }
            let harap = (u64::from(bit), u64::from(bit) << 56);
            assert_eq!(bit_blok(&b, b','), harap);
            assert_eq!(bit_blok_kata(&b, u64::from(b',') * SATU), harap);
        }
    }

    /// Both ways of [`bit_blok`] give, for random blocks, the bits a byte-by-byte look gives.
    #[test]
    fn block_bits_are_the_bytes_that_match() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for kasus in 0..3000 {
            let mut b = [0u8; 64];
            for c in &mut b {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *c = b",;\t\na\x80\xff"[(x % 7) as usize];
            }
            let pemisah = [b',', b';', b'\t'][kasus % 3];
            let bit = |t: u8| (0..64).filter(|&i| b[i] == t).fold(0u64, |m, i| m | 1 << i);
            let harap = (bit(pemisah), bit(b'\n'));
            assert_eq!(bit_blok(&b, pemisah), harap);
            assert_eq!(bit_blok_kata(&b, u64::from(pemisah) * SATU), harap);
        }
    }
}
