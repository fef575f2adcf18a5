using ARSoft.Tools.Net.Dns;

namespace Palisade.Lab.Dns;

/// <summary>
/// Turns one query into the lab's answer: the query's id, question and RD flag are copied; RA is never set (the lab
/// does not recurse); AA is set for names under the cluster domain, whose empty answers (NXDOMAIN or no records of the
/// asked type) carry the zone's SOA in the authority section, as CoreDNS's do.
/// </summary>
internal static class DnsResponder
{
    /// <summary>The response to <paramref name="query"/> from <paramref name="zone"/>.</summary>
    public static DnsMessage Respond(DnsMessage query, DnsZoneIndex zone)
    {
        var response = query.CreateResponseInstance();
        response.IsRecursionAllowed = false;
        response.ReturnCode = Refusal(query) ?? ReturnCode.NoError;
        if (response.ReturnCode == ReturnCode.NoError) Answer(response, query.Questions[0], zone);
        return response;
    }

    /// <summary>Why the query is not answered at all: not a standard query, not exactly one question, not class IN.</summary>
    private static ReturnCode? Refusal(DnsMessage query)
    {
        if (query.OperationCode != OperationCode.Query) return ReturnCode.NotImplemented;
        if (query.Questions.Count != 1) return ReturnCode.FormatError;
        return query.Questions[0].RecordClass is RecordClass.INet or RecordClass.Any ? null : ReturnCode.Refused;
    }

    private static void Answer(DnsMessage response, DnsQuestion question, DnsZoneIndex zone)
    {
        var lookup = DnsNameLookup.Lookup(zone, question.Name);
        var cluster = lookup.Scope == DnsNameScope.Cluster;
        response.IsAuthoritiveAnswer = cluster;
        response.ReturnCode = lookup.Exists ? ReturnCode.NoError : ReturnCode.NxDomain;
        response.AnswerRecords.AddRange(lookup.Records.Where(r => question.RecordType == RecordType.Any || r.RecordType == question.RecordType));
        if (response.AnswerRecords.Count == 0 && cluster) response.AuthorityRecords.Add(zone.Soa);
        if (response.AnswerRecords.Any(r => r.RecordType == RecordType.Srv)) response.AdditionalRecords.AddRange(lookup.Additional);
    }
}
