import CNNSandbox

/// A value each setting refuses, so tests can check that the command line and a scene's `setup:`
/// refuse it with the same message. Switches are refused only in scenes (a flag has no value).
public enum BadSettingValues {
    /// The refused value of every setting of the table.
    public static let all: [SettingName: String] = [
        .input: "0", .kernel: "16", .stride: "0", .padding: "sideways", .dilation: "100", .preset: "blurry",
        .fill: "noise", .seed: "-1", .bias: "lots", .activation: "sigmoid", .pool: "median", .ceilMode: "maybe",
        .excludePad: "perhaps",
        .layers: " ", .inChannels: "17", .outChannels: "0", .groups: "two", .outputPadding: "99", .causal: "sometimes",
        .image: " ", .imageRange: "7",
    ]
}
