//! SKM inputs found by fuzzing (fuzz/, target `skm_csv`): the core never panics on user data.

use kinerja_core::skm::JenisProfil;

#[test]
fn a_date_with_a_multibyte_character_inside_the_year_is_its_own_group() {
    // The fuzzer's cell: `20`, then U+FFFD (3 bytes, at bytes 2..5), ... The month check sliced
    // the text at byte 4, inside that character, and panicked. Not a date, so it groups as typed.
    let teks = "20\u{fffd}\u{fffd}-03-01T08:00";
    assert_eq!(JenisProfil::Tanggal.kelompok(teks), teks);
    // Dates still group by month: 2024-03-01 and 1/3/2024 both fall in 2024-03.
    assert_eq!(
        JenisProfil::Tanggal.kelompok("2024-03-01T08:05:10"),
        "2024-03"
    );
    assert_eq!(JenisProfil::Tanggal.kelompok("1/3/2024 08:00"), "2024-03");
}
