-- kinerja, skema 36: the reorganisation records (splits, merges, renamings) found without
-- reading every data set. The national roll-up counts a unit only in the years it exists
-- (`reorganisasi::ada_pada`), so it reads every `reorganisasi` record on each roll-up; the
-- primary key (pelapor, tabel, kunci) cannot find one table's rows across all data sets
-- without scanning. A partial index holds only those few rows.
CREATE INDEX rekaman_reorganisasi ON rekaman (pelapor) WHERE tabel = 'reorganisasi';
