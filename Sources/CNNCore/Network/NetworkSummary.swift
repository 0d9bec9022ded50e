/// One row of a network summary: a layer, or a residual block with its body and shortcut rows.
public struct NetworkRow: Hashable, Sendable {
    /// The layer as written.
    public var text: String
    /// 1-based column of the layer in the string.
    public var column: Int
    /// The layer's output shape.
    public var output: NetworkShape
    /// Parameters (a block: its body's and shortcut's together).
    public var params: Int
    /// Multiplications (a block: its body's and shortcut's together).
    public var mults: Int
    /// The receptive field of the output cells, nil from flatten, gap, gmp and fc on.
    public var field: NetworkField?
    /// A residual block's body rows (empty for other layers).
    public var body: [NetworkRow]
    /// A residual block's shortcut rows (empty for an identity shortcut and for other layers).
    public var shortcut: [NetworkRow]
    /// Whether the row is a residual block.
    public var isResidual: Bool
}

/// The layer arithmetic of a whole network: shapes, parameters, multiplications and receptive fields.
public struct NetworkSummary: Hashable, Sendable {
    /// The largest spatial size or channel count between layers.
    public static let largestDimension = 1 << 31

    /// The input shape.
    public var input: NetworkShape
    /// One row per top-level layer.
    public var rows: [NetworkRow]
    /// The network's output shape.
    public var output: NetworkShape
    /// Total parameters.
    public var params: Int
    /// Total multiplications for one sample.
    public var mults: Int

    /// The field of the last top-level layer that has one (the last spatial layer), if any.
    public var lastSpatialField: NetworkField? { rows.last(where: { $0.field != nil })?.field }

    /// Parameter memory in float32, in bytes (nil when it does not fit in an Int).
    public var parameterBytes: Int? {
        let (bytes, overflow) = params.multipliedReportingOverflow(by: 4)
        return overflow ? nil : bytes
    }

    /// Parses `text` and computes the summary for `input`.
    public static func make(input: NetworkShape, layers text: String) throws(NetworkSpecError) -> NetworkSummary {
        try make(input: input, nodes: try NetworkParser.parse(text))
    }

    /// Computes the summary of parsed layers for `input`.
    public static func make(input: NetworkShape, nodes: [NetworkNode]) throws(NetworkSpecError) -> NetworkSummary {
        guard input.dimensions.allSatisfy({ (1...largestDimension).contains($0) }) else {
            throw NetworkSpecError(
                column: 1,
                "the input \(input.text) needs every size from 1 to \(largestDimension); give a smaller input")
        }
        let (rows, output, _) = try rows(nodes[...], input: input, maps: .input)
        var params = 0
        var mults = 0
        for row in rows {
            params = try CheckedMath.sum(params, row.params, "total parameter count", column: row.column)
            mults = try CheckedMath.sum(mults, row.mults, "total multiplication count", column: row.column)
        }
        return NetworkSummary(input: input, rows: rows, output: output, params: params, mults: mults)
    }

    /// The rows of `nodes` applied to `input`, whose cells have the fields `maps`; with the output
    /// shape and the output's field maps.
    static func rows(_ nodes: ArraySlice<NetworkNode>, input: NetworkShape, maps: NetworkFieldMaps)
        throws(NetworkSpecError) -> ([NetworkRow], NetworkShape, NetworkFieldMaps)
    {
        var rows: [NetworkRow] = []
        var shape = input
        var fields = maps
        for index in nodes.indices {
            let node = nodes[index]
            var row: NetworkRow
            if case .residual(let body, let shortcut) = node.layer {
                let (bodyRows, bodyShape, bodyFields) = try self.rows(body[...], input: shape, maps: fields)
                let (shortcutRows, shortcutShape, shortcutFields) = try self.rows(
                    shortcut[...], input: shape, maps: fields)
                guard let sum = broadcast(bodyShape, shortcutShape) else {
                    throw mismatch(
                        node, input: shape, body: bodyShape, shortcut: shortcutShape, identity: shortcut.isEmpty)
                }
                var params = 0
                var mults = 0
                for part in bodyRows + shortcutRows {
                    params = try CheckedMath.sum(params, part.params, "block's parameter count", column: node.column)
                    mults = try CheckedMath.sum(mults, part.mults, "block's multiplication count", column: node.column)
                }
                fields = try bodyFields.union(shortcutFields, node: node)
                row = NetworkRow(
                    text: node.text, column: node.column, output: sum, params: params, mults: mults, field: nil,
                    body: bodyRows, shortcut: shortcutRows, isResidual: true)
            } else {
                let cost = try NetworkLayerArithmetic.apply(node, to: shape)
                fields = try fields.after(node)
                row = NetworkRow(
                    text: node.text, column: node.column, output: cost.output, params: cost.params, mults: cost.mults,
                    field: nil, body: [], shortcut: [], isResidual: false)
            }
            guard row.output.dimensions.allSatisfy({ $0 <= largestDimension }) else {
                throw NetworkSpecError(
                    column: node.column,
                    "'\(node.text)': its output \(row.output.text) has a size above \(largestDimension); use smaller factors or fewer layers"
                )
            }
            row.field = fields.field
            rows.append(row)
            shape = row.output
        }
        return (rows, shape, fields)
    }

    /// The shape of `a + b` under PyTorch's broadcasting (each size equal, or one of them 1), or nil.
    static func broadcast(_ a: NetworkShape, _ b: NetworkShape) -> NetworkShape? {
        let (x, y) = (a.dimensions, b.dimensions)
        guard x.count == y.count, zip(x, y).allSatisfy({ $0 == $1 || $0 == 1 || $1 == 1 }) else { return nil }
        let sizes = zip(x, y).map { max($0, $1) }
        return sizes.count == 1 ? .flat(sizes[0]) : .spatial(channels: sizes[0], rows: sizes[1], columns: sizes[2])
    }

    /// The refusal for a residual block whose two paths disagree, suggesting a projection shortcut.
    static func mismatch(
        _ node: NetworkNode, input: NetworkShape, body: NetworkShape, shortcut: NetworkShape, identity: Bool
    ) -> NetworkSpecError {
        let other =
            identity
            ? "the identity shortcut gives the block's input \(shortcut.text)" : "the shortcut gives \(shortcut.text)"
        var hint = "make both paths end in the same shape"
        if case .spatial(let channels, let rows, let columns) = body,
            case .spatial(_, let inRows, let inColumns) = input
        {
            let strideRows = max(1, inRows / max(rows, 1))
            let strideColumns = max(1, inColumns / max(columns, 1))
            let stride = strideRows == strideColumns ? "\(strideRows)" : "\(strideRows)x\(strideColumns)"
            let strideText = stride == "1" ? "" : "s\(stride)"
            hint = "add a projection shortcut, e.g. res(… | conv1\(strideText)c\(channels)nobias,bn)"
        }
        return NetworkSpecError(
            column: node.column,
            "residual block: the body gives \(body.text) but \(other), and PyTorch adds shapes only when each size matches or is 1; \(hint)"
        )
    }
}
