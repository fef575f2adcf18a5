namespace Palisade.Engine.Labels;

/// <summary>Label selector operators (Kubernetes' four).</summary>
public enum SelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
