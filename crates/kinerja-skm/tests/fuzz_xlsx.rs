//! Spreadsheets found by fuzzing (fuzz/, targets `skm_xlsx` and `skm_xlsx_susun`): each must be
//! refused with a message, never panic.

use std::path::PathBuf;

use kinerja_skm::{GalatBaca, OpsiBaca, baca};

fn sementara(nama: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kinerja-skm-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(nama)
}

/// A sheet of 9 unsur whose row 2 has, in column U1, `nilai` formatted as a date.
fn tulis_tanggal(nilai: f64) -> PathBuf {
    let path = sementara(&format!("tanggal-{}.xlsx", nilai.to_bits()));
    let mut wb = rust_xlsxwriter::Workbook::new();
    let tanggal = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    for c in 0..9u16 {
        ws.write_string(0, c, format!("U{}", c + 1)).unwrap();
        ws.write_number(1, c, 3.0).unwrap();
    }
    ws.write_number_with_format(1, 0, nilai, &tanggal).unwrap();
    wb.save(&path).unwrap();
    path
}

fn masalah_u1(nilai: f64) -> String {
    let e = baca(&tulis_tanggal(nilai), &OpsiBaca::default()).unwrap_err();
    let GalatBaca::BarisBuruk { baris, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!((baris.len(), baris[0].baris), (1, 2), "{e}");
    baris[0].masalah[0].nilai.clone()
}

#[test]
fn a_date_outside_the_excel_calendar_is_shown_as_its_number() {
    // Serial -1e300 days used to overflow `i64` in the date arithmetic (a panic under overflow
    // checks). Outside 0..=2958465 (9999-12-31) the cell is printed as the number it holds.
    assert!(masalah_u1(-1e300).starts_with("-1000000000"));
    assert_eq!(masalah_u1(3e6), "3000000");
    // Inside the calendar it stays a date: serial 44000 is 2020-06-18 (43831 is 2020-01-01,
    // + 169 days: Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 = 152, + 17).
    assert_eq!(masalah_u1(44000.0), "2020-06-18");
}

#[test]
fn a_cell_reference_that_overflows_in_calamine_is_refused() {
    // A mutated workbook whose worksheet XML holds a cell reference with so many column letters
    // that calamine's column number overflows `u32` (its own panic under overflow checks).
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-kolom-meluap.xlsx");
    let e = baca(&data, &OpsiBaca::default()).unwrap_err();
    assert!(matches!(e, GalatBaca::Format { .. }), "{e}");
}
