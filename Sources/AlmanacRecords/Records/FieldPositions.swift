/// Where the value of each of up to 32 numbered fields stands in a list of values (-1: not
/// there), as a draft (by ``RecordField/slot``) and a spreadsheet row's cells (by column
/// field) keep them. Held inline in a vector rather than in an array: each row of a big log
/// made two such arrays, and allocating them (unspecialised) and freeing them cost some 1,300
/// instructions per row.
struct FieldPositions {
    private var slots = SIMD32<Int8>(repeating: -1)
    /// How many fields it numbers (a test holds the schema and the spreadsheet columns to it).
    static let capacity = SIMD32<Int8>.scalarCount

    /// The position of `slot`'s value, -1 when it has none.
    subscript(slot: Int) -> Int {
        get { Int(slots[slot]) }
        set { slots[slot] = Int8(newValue) }
    }

    /// Shifts every position after `position` back by one, for the value there is removed.
    mutating func remove(_ position: Int) {
        for slot in slots.indices where slots[slot] > position { slots[slot] -= 1 }
    }
}
