using Palisade.Observe.Flows;

namespace Palisade.Observe.Tests.Flows;

public class LabelSelectorTests
{
    private static readonly CiliumLabel[] Labels =
    [
        CiliumLabel.Parse("k8s:app=web"),
        CiliumLabel.Parse("k8s:tier=frontend"),
        CiliumLabel.Parse("reserved:host"),
        CiliumLabel.Parse("env=prod"),
    ];

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("k8s:app=web", true)]
    [InlineData("any:app=web", true)]
    [InlineData("reserved:app=web", false)]
    [InlineData("app=db", false)]
    [InlineData("app!=db", true)]
    [InlineData("app!=web", false)]
    [InlineData("missing!=x", true)]
    [InlineData("app in (db, web)", true)]
    [InlineData("app notin (db, web)", false)]
    [InlineData("app notin (db)", true)]
    [InlineData("app=web,tier=frontend", true)]
    [InlineData("app=web, tier=backend", false)]
    [InlineData("reserved:host", true)]
    [InlineData("host", true)]
    [InlineData("k8s:host", false)]
    [InlineData("!reserved:world", true)]
    [InlineData("!tier", false)]
    [InlineData("env=prod", true)]
    [InlineData("k8s:env=prod", false)]
    [InlineData("app in (web),tier notin (a,b),!canary", true)]
    public void MatchesAsAKubernetesSelectorWithCiliumSources(string selector, bool matches) =>
        Assert.Equal(matches, LabelSelector.Parse(selector).Matches(Labels));

    [Theory]
    [InlineData("k8s:app=web", "k8s", "app", "web")]
    [InlineData("reserved:world", "reserved", "world", "")]
    [InlineData("app=a:b", "unspec", "app", "a:b")]
    [InlineData("k8s:io.kubernetes.pod.namespace=default", "k8s", "io.kubernetes.pod.namespace", "default")]
    public void ParsesCiliumLabels(string text, string source, string key, string value) =>
        Assert.Equal(new CiliumLabel(source, key, value), CiliumLabel.Parse(text));

    [Theory]
    [InlineData("app in web")]
    [InlineData("=web")]
    [InlineData("app=w b")]
    [InlineData(" , ")]
    public void RejectsMalformedSelectors(string selector) =>
        Assert.Throws<FlowFilterException>(() => LabelSelector.Parse(selector));
}
