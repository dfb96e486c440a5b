//! JSON Schema for the types whose serde form is text (ids, values, dates, money), so that the
//! published schema of the data file says what the text must look like.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

macro_rules! skema_teks {
    ($ty:ty, $name:literal, $desc:literal) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "description": $desc })
            }
        }
    };
    ($ty:ty, $name:literal, $desc:literal, $pattern:literal) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "description": $desc, "pattern": $pattern })
            }
        }
    };
}

macro_rules! skema_angka_teks {
    ($ty:ty, $name:literal, $desc:literal) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "description": $desc,
                    "anyOf": [
                        { "type": "string", "pattern": "^-?(Rp\\.? ?)?[0-9.]+(,[0-9]+)?( ?%)?$" },
                        {
                            "type": "integer",
                            "minimum": -1_000_000_000_000_000i64,
                            "maximum": 1_000_000_000_000_000i64
                        }
                    ]
                })
            }
        }
    };
}

skema_teks!(
    crate::nilai::Nilai,
    "Nilai",
    "Nilai target atau realisasi seperti tertulis: \"85\", \"100 %\", \"B (80 %)\", \"85 (B)\", \"80 - 90\", \"12 bulan\", \"WTP\". Angka bercara Indonesia (koma desimal), paling besar 1.000.000.000.000.000, paling banyak 6 desimal."
);
skema_teks!(
    crate::waktu::Tanggal,
    "Tanggal",
    "Tanggal dokumen: \"Januari 2021\", \"15 Januari 2021\" atau \"2021-01-15\"."
);
skema_teks!(
    crate::model::Nip,
    "Nip",
    "NIP 18 angka, boleh dengan spasi: \"19671229 199303 1 008\".",
    "^[0-9 ]+$"
);
skema_angka_teks!(
    crate::uang::Rupiah,
    "Rupiah",
    "Jumlah rupiah, paling banyak dua desimal, paling besar 1.000.000.000.000.000: \"1.674.830.966,58\", \"Rp 400.000.000,00\" atau bilangan bulat."
);
skema_angka_teks!(
    crate::serde_angka::Angka,
    "Angka",
    "Angka bercara Indonesia: titik pemisah ribuan, koma desimal (\"70,89\"); paling besar 1.000.000.000.000.000, paling banyak 6 desimal."
);

impl JsonSchema for crate::waktu::Tahun {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Tahun")
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": crate::waktu::TAHUN_MIN,
            "maximum": crate::waktu::TAHUN_MAKS
        })
    }
}
