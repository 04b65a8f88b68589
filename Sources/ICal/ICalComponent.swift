import CLibical

/// An iCalendar component (VCALENDAR, VEVENT, VTIMEZONE, …) backed by a libical tree.
///
/// A component created here or parsed from text is a root and frees its tree when released.
/// Once added to a parent, the parent's tree owns it; the wrapper then keeps the parent alive.
/// A tree must only ever be used from one thread at a time.
public final class ICalComponent {
    let pointer: OpaquePointer
    private var parent: ICalComponent?

    private init(pointer: OpaquePointer, parent: ICalComponent?) {
        self.pointer = pointer
        self.parent = parent
    }

    deinit {
        if parent == nil { icalcomponent_free(pointer) }
    }

    /// A new, empty component of the given kind.
    public convenience init(_ kind: Kind) {
        ICalLibrary.prepare()
        self.init(pointer: icalcomponent_new(kind.raw), parent: nil)
    }

    /// Parses iCalendar text. Returns nil when libical finds no component at all (garbage,
    /// empty input, a missing END). Bad values inside a component are reported by ``errors``.
    public static func parse(_ text: String) -> ICalComponent? {
        ICalLibrary.prepare()
        guard let root = icalparser_parse_string(text) else { return nil }
        return ICalComponent(pointer: root, parent: nil)
    }

    /// Like ``parse(_:)`` for text from outside, whose problems the caller reports itself:
    /// libical's own warnings, which it prints to standard error with its source file and
    /// line ("icalparser.c:786: Encountered END before BEGIN"), are kept from the user.
    /// Standard error is silenced for the whole process meanwhile, so use it only where no
    /// other thread parses or writes to standard error at the same time (an import).
    public static func parseQuietly(_ text: String) -> ICalComponent? {
        StandardErrorSilencer.while { parse(text) }
    }

    /// Wraps a root tree that libical just allocated for us.
    static func adopting(_ pointer: OpaquePointer) -> ICalComponent {
        ICalComponent(pointer: pointer, parent: nil)
    }

    /// A deep copy that is a root of its own.
    public func copy() -> ICalComponent {
        ICalComponent(pointer: icalcomponent_new_clone(pointer), parent: nil)
    }

    public var kind: Kind { Kind(raw: icalcomponent_isa(pointer)) }

    /// Adds a property just built; this tree owns it from now on.
    public func add(_ property: consuming ICalNewProperty) {
        icalcomponent_add_property(pointer, property.handOver())
    }

    /// Adds a root component; this tree owns it from now on.
    public func add(_ component: ICalComponent) {
        precondition(component.parent == nil, "component already belongs to a tree")
        component.parent = self
        icalcomponent_add_component(pointer, component.pointer)
    }

    /// The direct sub-components, in order.
    public var children: [ICalComponent] {
        var result: [ICalComponent] = []
        var child = icalcomponent_get_first_component(pointer, ICAL_ANY_COMPONENT)
        while let current = child {
            result.append(ICalComponent(pointer: current, parent: self))
            child = icalcomponent_get_next_component(pointer, ICAL_ANY_COMPONENT)
        }
        return result
    }

    /// The properties of the given kind, in order.
    public func properties(_ kind: ICalPropertyKind) -> [ICalProperty] {
        var result: [ICalProperty] = []
        var property = icalcomponent_get_first_property(pointer, kind.kind)
        while let current = property {
            if kind.matches(current) { result.append(ICalProperty(borrowing: current, owner: self)) }
            property = icalcomponent_get_next_property(pointer, kind.kind)
        }
        return result
    }

    /// The first property of the given kind.
    public func property(_ kind: ICalPropertyKind) -> ICalProperty? {
        properties(kind).first
    }

    /// The first `STATUS`; nil when there is none or it is not an event's status.
    public var status: ICalStatus? {
        property(.status).flatMap { ICalStatus(raw: icalproperty_get_status($0.pointer)) }
    }

    /// The first `CLASS`; nil when there is none or it is an `X-` class.
    public var classification: ICalClassification? {
        property(.classification).flatMap { ICalClassification(raw: icalproperty_get_class($0.pointer)) }
    }

    /// The problems libical found while parsing (its `X-LIC-ERROR` properties), in the
    /// whole tree.
    public var errors: [String] {
        properties(.libicalError).compactMap(\.text) + children.flatMap(\.errors)
    }

    /// Removes libical's `X-LIC-ERROR` properties from the whole tree, so that they are not
    /// written out again.
    public func removeErrors() {
        for property in properties(.libicalError) {
            icalcomponent_remove_property(pointer, property.pointer)
            property.detach()
        }
        for child in children { child.removeErrors() }
    }

    /// The component as iCalendar text: CRLF line ends, folded, escaped — all by libical.
    public func serialized() -> String {
        takeString(icalcomponent_as_ical_string_r(pointer)) ?? ""
    }

    /// Appends ``serialized()``'s UTF-8 bytes to `bytes`, as libical writes them (no String is
    /// made of them: a feed writes a million of these); returns how many were appended.
    @discardableResult
    public func serialize(appendingTo bytes: inout [UInt8]) -> Int {
        guard let text = icalcomponent_as_ical_string_r(pointer) else { return 0 }
        defer { free(text) }
        let count = strlen(text)
        text.withMemoryRebound(to: UInt8.self, capacity: count) { start in
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
        }
        return count
    }
}

extension ICalComponent {
    /// A component kind, named as in RFC 5545.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        let raw: icalcomponent_kind

        init(raw: icalcomponent_kind) { self.raw = raw }

        public static let calendar = Kind(raw: ICAL_VCALENDAR_COMPONENT)
        public static let event = Kind(raw: ICAL_VEVENT_COMPONENT)
        public static let timezone = Kind(raw: ICAL_VTIMEZONE_COMPONENT)

        public var description: String { String(cString: icalcomponent_kind_to_string(raw)) }
    }
}
