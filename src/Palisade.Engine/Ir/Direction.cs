namespace Palisade.Engine.Ir;

/// <summary>Traffic direction relative to the endpoint a rule protects.</summary>
public enum Direction
{
    Ingress,
    Egress,
}
