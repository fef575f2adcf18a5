namespace Palisade.Lab.Workloads;

/// <summary>The star wars demo's deathstar API (<c>quay.io/cilium/starwars</c>), with the real image's bodies.</summary>
internal static class DeathstarApi
{
    /// <summary>The body of <c>PUT /v1/exhaust-port</c>: the real deathstar panics.</summary>
    public const string ExhaustPortPanic =
        "Panic: deathstar exploded\n\ngoroutine 1 [running]:\nmain.HandleGarbage(0x2080c3f50, 0x2, 0x4, 0x425c0, 0x5, 0xa)\n"
        + "\t/code/src/github.com/empire/deathstar/\n\ttemp/main.go:9 +0x64\nmain.main()\n"
        + "\t/code/src/github.com/empire/deathstar/\n\ttemp/main.go:5 +0x85\n";

    /// <summary>The answer of the deathstar pod <paramref name="podName"/> to <paramref name="request"/>.</summary>
    public static HttpReply Answer(HttpRequestHead request, string podName) => (request.Method, request.Path) switch
    {
        ("POST", "/v1/request-landing") => HttpReply.Plain(200, "Ship landed\n"),
        ("PUT", "/v1/exhaust-port") => HttpReply.Plain(503, ExhaustPortPanic),
        ("GET" or "HEAD", "/v1" or "/v1/") => new HttpReply(200, "application/json", Description(podName)),
        ("GET" or "HEAD", "/v1/healthz") => HttpReply.Plain(200, ""),
        _ => HttpReply.Plain(404, "Not Found\n"),
    };

    private static string Description(string podName) =>
        "{\"name\":\"Death Star\",\"hostname\":\"" + podName + "\",\"model\":\"DS-1 Orbital Battle Station\","
        + "\"manufacturer\":\"Imperial Department of Military Research, Sienar Fleet Systems\",\"cost_in_credits\":\"1000000000000\","
        + "\"length\":\"120000\",\"crew\":\"342953\",\"passengers\":\"843342\",\"cargo_capacity\":\"1000000000000\","
        + "\"hyperdrive_rating\":\"4.0\",\"starship_class\":\"Deep Space Mobile Battlestation\","
        + "\"api\":[\"GET   /v1\",\"GET   /v1/healthz\",\"POST  /v1/request-landing\",\"PUT   /v1/cargobay\","
        + "\"GET   /v1/hyper-matter-reactor/status\",\"PUT   /v1/exhaust-port\"]}\n";
}
