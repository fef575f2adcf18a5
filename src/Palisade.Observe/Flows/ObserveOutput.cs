namespace Palisade.Observe.Flows;

/// <summary>The output formats of <c>palisade observe -o</c>, as <c>hubble observe -o</c>.</summary>
internal enum ObserveOutput
{
    /// <summary>One line per flow.</summary>
    Compact,

    /// <summary>Aligned columns TIMESTAMP, SOURCE, DESTINATION, TYPE, VERDICT, SUMMARY.</summary>
    Table,

    /// <summary>One GetFlowsResponse per line in protobuf JSON with the proto field names (<c>node_name</c>), like <c>hubble observe -o json</c>.</summary>
    Json,

    /// <summary>One GetFlowsResponse per line in protobuf's default JSON (camelCase names: <c>nodeName</c>).</summary>
    JsonPb,

    /// <summary><c>KEY: value</c> blocks separated by <c>------------</c>.</summary>
    Dict,
}
