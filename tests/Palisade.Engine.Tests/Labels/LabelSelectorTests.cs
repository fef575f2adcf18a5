using k8s.Models;
using Palisade.Engine.Labels;

namespace Palisade.Engine.Tests.Labels;

/// <summary>Compiled label selectors: Kubernetes matching, and one canonical form for selectors that mean the same.</summary>
public class LabelSelectorTests
{
    private static LabelSet Labels(params (string Key, string Value)[] labels) => new(labels.Select(l => KeyValuePair.Create(l.Key, l.Value)));

    private static V1LabelSelectorRequirement Expression(string key, string op, params string[] values) =>
        new() { Key = key, OperatorProperty = op, Values = values.Length == 0 ? null : values };

    [Theory]
    [InlineData("In", true, false, false)]
    [InlineData("NotIn", false, true, true)]
    [InlineData("Exists", true, true, false)]
    [InlineData("DoesNotExist", false, false, true)]
    public void Operators_match_as_in_kubernetes(string op, bool tierA, bool tierB, bool noTier)
    {
        var selector = LabelSelector.From(new V1LabelSelector
        {
            MatchExpressions = [op is "In" or "NotIn" ? Expression("tier", op, "a") : Expression("tier", op)],
        });

        Assert.Equal(tierA, selector.Matches(Labels(("tier", "a"))));
        Assert.Equal(tierB, selector.Matches(Labels(("tier", "b"))));
        Assert.Equal(noTier, selector.Matches(Labels(("app", "a"))));
    }

    [Fact]
    public void Match_labels_and_expressions_must_all_hold()
    {
        var selector = LabelSelector.From(new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "web" },
            MatchExpressions = [Expression("tier", "NotIn", "db")],
        });

        Assert.True(selector.Matches(Labels(("app", "web"))));
        Assert.True(selector.Matches(Labels(("app", "web"), ("tier", "front"))));
        Assert.False(selector.Matches(Labels(("app", "web"), ("tier", "db"))));
        Assert.False(selector.Matches(Labels(("tier", "front"))));
    }

    [Fact]
    public void An_empty_selector_matches_everything()
    {
        var selector = LabelSelector.From(new V1LabelSelector());

        Assert.True(selector.IsEverything);
        Assert.True(selector.Matches(LabelSet.Empty));
        Assert.Equal(LabelSelector.Everything, selector);
    }

    [Fact]
    public void Selectors_that_mean_the_same_are_equal_whatever_their_order_or_form()
    {
        var a = LabelSelector.From(new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" },
            MatchExpressions = [Expression("env", "In", "prod", "dev", "prod")],
        });
        var b = LabelSelector.From(new V1LabelSelector
        {
            MatchExpressions = [Expression("env", "In", "dev", "prod"), Expression("tier", "In", "front"), Expression("app", "In", "web")],
        });

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a.Key, b.Key);
    }

    [Fact]
    public void Requirements_on_one_key_are_kept_apart_not_merged()
    {
        var selector = LabelSelector.From(new V1LabelSelector
        {
            MatchExpressions = [Expression("pod", "In", "a", "b"), Expression("pod", "NotIn", "a")],
        });

        Assert.False(selector.Matches(Labels(("pod", "a"))));
        Assert.True(selector.Matches(Labels(("pod", "b"))));
        Assert.NotEqual(selector, LabelSelector.From(new V1LabelSelector { MatchExpressions = [Expression("pod", "In", "a", "b")] }));
    }
}
