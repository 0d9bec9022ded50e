import CNNCore

extension StackSetup {
    /// The stack view's layers from `--layers`: the compact stack syntax first (so its strings and
    /// refusals stay as they were), else the network language of `cnnviz summary`, whose
    /// shape-keeping layers (relu, bn, …) become table-only rows. A string neither reads gets the
    /// stack syntax's refusal, or the network language's when that one names a layer it cannot show.
    static func parseLayers(_ text: String) throws(CNNError) -> NetworkStackLayers {
        let stackError: CNNError
        do throws(CNNError) {
            return NetworkStackLayers(layers: try LayerSyntax.parse(text), tableOnly: [])
        } catch {
            stackError = error
        }
        do throws(CNNError) {
            return try NetworkStackLayers.parse(text)
        } catch {
            // A string the network language reads gets its refusal (a layer the view cannot show).
            if (try? NetworkParser.parse(text)) != nil { throw error }
            throw stackError
        }
    }
}
