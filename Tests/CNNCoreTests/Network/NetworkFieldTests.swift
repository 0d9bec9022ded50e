import CNNCore
import Testing

/// Receptive fields through dilation, residual unions, upsampling and transposed convolution.
@Suite("Network receptive fields")
struct NetworkFieldTests {
    func field(_ layers: String, input: NetworkShape = .spatial(channels: 1, rows: 16, columns: 16)) throws
        -> NetworkField?
    {
        try NetworkSummary.make(input: input, layers: layers).rows.last?.field
    }

    @Test("dilation widens the field to d·(k−1)+1, per axis")
    func dilation() throws {
        #expect(try field("conv3d2")?.size == NetworkPair(5))
        #expect(try field("conv3x1d2x1")?.size == NetworkPair(5, 1))
        #expect(try field("conv3s2,conv3")?.size == NetworkPair(7))
        #expect(try field("conv3s2,conv3")?.jump == [NetworkRatio(2), NetworkRatio(2)])
        #expect(try field("conv3")?.start == [NetworkRatio(1), NetworkRatio(1)])
        #expect(try field("conv3p1")?.start == [NetworkRatio(0), NetworkRatio(0)])
    }

    @Test("a residual block's field is the union of its paths")
    func residualUnion() throws {
        #expect(try field("res(conv3p1)")?.size == NetworkPair(3))
        #expect(try field("res(conv1 | conv5p2)")?.size == NetworkPair(5))
        #expect(try field("res(conv3p1,conv3p1 | conv1)")?.size == NetworkPair(5))
        #expect(try field("conv3,res(conv3p1)")?.size == NetworkPair(5))
    }

    @Test("upsampling makes the jump fractional and the largest span is reported")
    func upsampling() throws {
        let up = try #require(try field("up2"))
        #expect(up.size == NetworkPair(1))
        #expect(up.jump.map(\.value) == [0.5, 0.5])
        #expect(try field("up2,conv2")?.size == NetworkPair(2))
        #expect(try field("up2,conv3")?.size == NetworkPair(2))
        #expect(try field("up2,conv4")?.size == NetworkPair(3))
        #expect(try field("up3x1")?.jump.map(\.text) == ["1/3", "1"])
        #expect(try field("up4")?.jump.map(\.text) == ["0.25", "0.25"])
        #expect(try field("up2,conv3p1")?.start.map(\.text) == ["-0.5", "-0.5"])
    }

    @Test("a transposed convolution's output cells see one or two input cells")
    func transposed() throws {
        let up = try #require(try field("convt3s2"))
        #expect(up.size == NetworkPair(2))
        #expect(up.jump.map(\.value) == [0.5, 0.5])
        #expect(try field("convt2s2")?.size == NetworkPair(1))
        #expect(try field("convt1s3")?.size == NetworkPair(1))
    }

    @Test("no field from flatten, gap, gmp and fc on")
    func opaque() throws {
        #expect(try field("conv3,gap") == nil)
        #expect(try field("conv3,gmp,relu") == nil)
        #expect(try field("flatten,bn") == nil)
        #expect(try field("flatten,fc10") == nil)
    }
}
