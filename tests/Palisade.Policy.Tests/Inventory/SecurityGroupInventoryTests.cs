using CsCheck;
using Palisade.Policy.Errors;
using Palisade.Policy.Inventory;
using Palisade.Policy.Net;
using Xunit.Sdk;

namespace Palisade.Policy.Tests.Inventory;

public class SecurityGroupInventoryTests
{
    private const string Web = "sg-0a1b2c3d4e5f60718";
    private const string Db = "sg-0fedcba9876543210";
    private const string Batch = "sg-0123456789abcdef0";

    /// <summary>Output of <c>aws ec2 describe-network-interfaces</c>, shortened to three interfaces.</summary>
    private const string NetworkInterfacesJson = """
        {
            "NetworkInterfaces": [
                {
                    "Association": {
                        "IpOwnerId": "amazon",
                        "PublicDnsName": "ec2-203-0-113-12.compute-1.amazonaws.com",
                        "PublicIp": "203.0.113.12"
                    },
                    "Attachment": {
                        "AttachTime": "2024-03-11T09:12:44+00:00",
                        "AttachmentId": "eni-attach-0b2c9e0d5a1f3e4c7",
                        "DeleteOnTermination": true,
                        "DeviceIndex": 0,
                        "NetworkCardIndex": 0,
                        "InstanceId": "i-0a1b2c3d4e5f60718",
                        "InstanceOwnerId": "123456789012",
                        "Status": "attached"
                    },
                    "AvailabilityZone": "us-east-1a",
                    "Description": "",
                    "Groups": [
                        {
                            "GroupName": "web",
                            "GroupId": "sg-0a1b2c3d4e5f60718"
                        }
                    ],
                    "InterfaceType": "interface",
                    "Ipv6Addresses": [],
                    "MacAddress": "0e:5c:1b:2a:3d:4f",
                    "NetworkInterfaceId": "eni-0f1e2d3c4b5a69788",
                    "OwnerId": "123456789012",
                    "PrivateDnsName": "ip-10-0-1-5.ec2.internal",
                    "PrivateIpAddress": "10.0.1.5",
                    "PrivateIpAddresses": [
                        {
                            "Association": {
                                "IpOwnerId": "amazon",
                                "PublicDnsName": "ec2-203-0-113-12.compute-1.amazonaws.com",
                                "PublicIp": "203.0.113.12"
                            },
                            "Primary": true,
                            "PrivateDnsName": "ip-10-0-1-5.ec2.internal",
                            "PrivateIpAddress": "10.0.1.5"
                        },
                        {
                            "Primary": false,
                            "PrivateDnsName": "ip-10-0-1-6.ec2.internal",
                            "PrivateIpAddress": "10.0.1.6"
                        }
                    ],
                    "RequesterManaged": false,
                    "SourceDestCheck": true,
                    "Status": "in-use",
                    "SubnetId": "subnet-0c9d8e7f6a5b4c3d2",
                    "TagSet": [],
                    "VpcId": "vpc-0a9b8c7d6e5f40312"
                },
                {
                    "Attachment": {
                        "AttachTime": "2024-03-12T14:02:09+00:00",
                        "AttachmentId": "eni-attach-04d5e6f7a8b9c0d1e",
                        "DeleteOnTermination": true,
                        "DeviceIndex": 0,
                        "NetworkCardIndex": 0,
                        "InstanceId": "i-0b2c3d4e5f6071829",
                        "InstanceOwnerId": "123456789012",
                        "Status": "attached"
                    },
                    "AvailabilityZone": "us-east-1b",
                    "Description": "",
                    "Groups": [
                        {
                            "GroupName": "web",
                            "GroupId": "sg-0a1b2c3d4e5f60718"
                        },
                        {
                            "GroupName": "db",
                            "GroupId": "sg-0fedcba9876543210"
                        }
                    ],
                    "InterfaceType": "interface",
                    "Ipv6Addresses": [
                        {
                            "Ipv6Address": "2001:db8:1234:1a00::17",
                            "IsPrimaryIpv6": false
                        }
                    ],
                    "MacAddress": "12:7a:9c:4e:1b:05",
                    "NetworkInterfaceId": "eni-07a8b9c0d1e2f3a4b",
                    "OwnerId": "123456789012",
                    "PrivateDnsName": "ip-10-0-2-17.ec2.internal",
                    "PrivateIpAddress": "10.0.2.17",
                    "PrivateIpAddresses": [
                        {
                            "Primary": true,
                            "PrivateDnsName": "ip-10-0-2-17.ec2.internal",
                            "PrivateIpAddress": "10.0.2.17"
                        }
                    ],
                    "RequesterManaged": false,
                    "SourceDestCheck": true,
                    "Status": "in-use",
                    "SubnetId": "subnet-01a2b3c4d5e6f7a8b",
                    "TagSet": [
                        {
                            "Key": "Name",
                            "Value": "orders-db"
                        }
                    ],
                    "VpcId": "vpc-0a9b8c7d6e5f40312"
                },
                {
                    "AvailabilityZone": "us-east-1b",
                    "Description": "Interface for NAT Gateway nat-0e1d2c3b4a5968778",
                    "Groups": [],
                    "InterfaceType": "nat_gateway",
                    "Ipv6Addresses": [],
                    "MacAddress": "12:aa:bb:cc:dd:ee",
                    "NetworkInterfaceId": "eni-0c1d2e3f4a5b6c7d8",
                    "OwnerId": "123456789012",
                    "PrivateDnsName": "ip-10-0-0-9.ec2.internal",
                    "PrivateIpAddress": "10.0.0.9",
                    "PrivateIpAddresses": [
                        {
                            "Primary": true,
                            "PrivateDnsName": "ip-10-0-0-9.ec2.internal",
                            "PrivateIpAddress": "10.0.0.9"
                        }
                    ],
                    "RequesterId": "441029557103",
                    "RequesterManaged": true,
                    "SourceDestCheck": false,
                    "Status": "in-use",
                    "SubnetId": "subnet-01a2b3c4d5e6f7a8b",
                    "TagSet": [],
                    "VpcId": "vpc-0a9b8c7d6e5f40312"
                }
            ]
        }
        """;

    /// <summary>Output of <c>aws ec2 describe-security-groups</c>: ids and names, rules, no members.</summary>
    private const string SecurityGroupsJson = """
        {
            "SecurityGroups": [
                {
                    "Description": "web tier",
                    "GroupName": "web",
                    "IpPermissions": [
                        {
                            "FromPort": 443,
                            "IpProtocol": "tcp",
                            "IpRanges": [
                                {
                                    "CidrIp": "0.0.0.0/0"
                                }
                            ],
                            "Ipv6Ranges": [],
                            "PrefixListIds": [],
                            "ToPort": 443,
                            "UserIdGroupPairs": []
                        }
                    ],
                    "OwnerId": "123456789012",
                    "GroupId": "sg-0a1b2c3d4e5f60718",
                    "IpPermissionsEgress": [
                        {
                            "IpProtocol": "-1",
                            "IpRanges": [
                                {
                                    "CidrIp": "0.0.0.0/0"
                                }
                            ],
                            "Ipv6Ranges": [],
                            "PrefixListIds": [],
                            "UserIdGroupPairs": []
                        }
                    ],
                    "VpcId": "vpc-0a9b8c7d6e5f40312"
                },
                {
                    "Description": "orders database",
                    "GroupName": "db",
                    "IpPermissions": [
                        {
                            "FromPort": 5432,
                            "IpProtocol": "tcp",
                            "IpRanges": [],
                            "Ipv6Ranges": [],
                            "PrefixListIds": [],
                            "ToPort": 5432,
                            "UserIdGroupPairs": [
                                {
                                    "GroupId": "sg-0a1b2c3d4e5f60718",
                                    "UserId": "123456789012"
                                }
                            ]
                        }
                    ],
                    "OwnerId": "123456789012",
                    "GroupId": "sg-0fedcba9876543210",
                    "IpPermissionsEgress": [],
                    "VpcId": "vpc-0a9b8c7d6e5f40312"
                },
                {
                    "Description": "batch workers (scaled to zero)",
                    "GroupName": "batch",
                    "IpPermissions": [],
                    "OwnerId": "123456789012",
                    "GroupId": "sg-0123456789abcdef0",
                    "IpPermissionsEgress": [],
                    "Tags": [
                        {
                            "Key": "team",
                            "Value": "data"
                        }
                    ],
                    "VpcId": "vpc-0a9b8c7d6e5f40312"
                }
            ]
        }
        """;

    private const string PalisadeYaml = """
        # Addresses outside AWS's view, written by hand.
        securityGroups:
          - id: sg-0aa1bb2cc3dd4ee5f
            name: legacy-vms
            members:
              - 10.20.0.7
              - 10.20.4.0/24
              - "2001:db8:20::7"
              - 2001:db8:21::/64
          - id: sg-0ff1ee2dd3cc4bb5a
            name: empty
        """;

    private static IReadOnlyList<string> Strings(IEnumerable<Cidr> cidrs) => [.. cidrs.Select(c => c.ToString())];

    /// <summary>The 1-based line of the <paramref name="occurrence"/>-th <paramref name="fragment"/> in <paramref name="text"/>.</summary>
    private static int LineOf(string text, string fragment, int occurrence = 1)
    {
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(fragment, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{fragment} not found {occurrence} times");
        }
        return 1 + text.AsSpan(0, at).Count('\n');
    }

    private static InputException Fails(string text, string file = "sg.yaml") =>
        Assert.Throws<InputException>(() => SecurityGroupInventory.Parse(file, text));

    // ---- describe-network-interfaces ----------------------------------------------------------------------------

    [Fact]
    public void NetworkInterfaces_EachInterfaceAddressIsAMemberOfEachOfItsGroups()
    {
        var inventory = SecurityGroupInventory.Parse("eni.json", NetworkInterfacesJson);

        var web = inventory.Groups.Single(g => g.Id == Web);
        Assert.Equal("web", web.Name);
        Assert.Equal(["10.0.1.5/32", "10.0.1.6/32", "10.0.2.17/32", "203.0.113.12/32"], Strings(web.Members));
        var db = inventory.Groups.Single(g => g.Id == Db);
        Assert.Equal("db", db.Name);
        Assert.Equal(["10.0.2.17/32"], Strings(db.Members));
    }

    [Fact]
    public void NetworkInterfaces_GroupsAreSortedById()
    {
        var inventory = SecurityGroupInventory.Parse("eni.json", NetworkInterfacesJson);

        Assert.Equal([Web, Db], inventory.Groups.Select(g => g.Id));
    }

    [Fact]
    public void NetworkInterfaces_Ipv6AddressesAreNotMembers_AsInCilium_AndAWarningSaysSo()
    {
        var inventory = SecurityGroupInventory.Parse("eni.json", NetworkInterfacesJson);

        Assert.DoesNotContain(inventory.Groups.SelectMany(g => g.Members), c => c.Network.IsV6);
        var warning = Assert.Single(inventory.Warnings);
        var line = LineOf(NetworkInterfacesJson, "\"Ipv6Addresses\"", occurrence: 2);
        Assert.StartsWith($"eni.json: 1 network interface has IPv6 addresses or delegated prefixes (the first at line {line})", warning);
        Assert.Contains("private IPv4 addresses and their public IPs", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void NetworkInterfaces_YamlOutputOfTheCli_IsReadToo()
    {
        const string yaml = """
            NetworkInterfaces:
            - Groups:
              - GroupId: sg-0a1b2c3d4e5f60718
                GroupName: web
              PrivateIpAddress: 10.0.1.5
              PrivateIpAddresses:
              - Primary: true
                PrivateIpAddress: 10.0.1.5
            """;

        var inventory = SecurityGroupInventory.Parse("eni.yaml", yaml);

        Assert.Equal(["10.0.1.5/32"], Strings(Assert.Single(inventory.Groups).Members));
        Assert.Empty(inventory.Warnings);
    }

    [Fact]
    public void NetworkInterfaces_NextToken_WarnsThatTheListIsIncomplete()
    {
        const string json = """{"NetworkInterfaces": [], "NextToken": "eyJOZXh0VG9rZW4iOiBudWxsfQ=="}""";

        var inventory = SecurityGroupInventory.Parse("eni.json", json);

        Assert.Contains(inventory.Warnings, w => w.StartsWith("eni.json: the output has a NextToken", StringComparison.Ordinal));
    }

    // ---- describe-security-groups -------------------------------------------------------------------------------

    [Fact]
    public void SecurityGroups_GivesNamesButNoMembers_AndWarns()
    {
        var inventory = SecurityGroupInventory.Parse("sg.json", SecurityGroupsJson);

        Assert.Equal([(Batch, "batch"), (Web, "web"), (Db, "db")], inventory.Groups.Select(g => (g.Id, g.Name!)));
        Assert.All(inventory.Groups, g => Assert.Empty(g.Members));
        Assert.Equal(
            ["sg.json: describe-security-groups output lists groups but not their members; combine it with describe-network-interfaces output (or the Palisade format) to give addresses"],
            inventory.Warnings);
    }

    [Fact]
    public void SecurityGroups_AloneResolvesKnownGroupsToNothing()
    {
        var resolution = SecurityGroupInventory.Parse("sg.json", SecurityGroupsJson).Resolve([Web], []);

        Assert.Empty(resolution.Members);
        Assert.Empty(resolution.Unknown);
    }

    // ---- Palisade format ----------------------------------------------------------------------------------------

    [Fact]
    public void Palisade_Yaml_MembersAreAddressesAndPrefixes_IPv4AndIPv6()
    {
        var inventory = SecurityGroupInventory.Parse("sg.yaml", PalisadeYaml);

        var legacy = inventory.Groups.Single(g => g.Id == "sg-0aa1bb2cc3dd4ee5f");
        Assert.Equal("legacy-vms", legacy.Name);
        Assert.Equal(["10.20.0.7/32", "10.20.4.0/24", "2001:db8:20::7/128", "2001:db8:21::/64"], Strings(legacy.Members));
        var empty = inventory.Groups.Single(g => g.Id == "sg-0ff1ee2dd3cc4bb5a");
        Assert.Empty(empty.Members);
        Assert.Empty(inventory.Warnings);
    }

    [Fact]
    public void Palisade_Json_IsTheSameFormat()
    {
        const string json = """
            {"securityGroups": [{"id": "sg-1", "members": ["10.0.0.1", "10.0.0.1", "192.168.0.0/16"]}]}
            """;

        var group = Assert.Single(SecurityGroupInventory.Parse("sg.json", json).Groups);

        Assert.Equal("sg-1", group.Id);
        Assert.Null(group.Name);
        Assert.Equal(["10.0.0.1/32", "192.168.0.0/16"], Strings(group.Members));
    }

    [Fact]
    public void Palisade_SeveralDocuments_AreOneInventory()
    {
        const string yaml = """
            securityGroups: [{id: sg-1, members: [10.0.0.1]}]
            ---
            securityGroups: [{id: sg-2, members: [10.0.0.2]}]
            """;

        Assert.Equal(["sg-1", "sg-2"], SecurityGroupInventory.Parse("sg.yaml", yaml).Groups.Select(g => g.Id));
    }

    // ---- Merge --------------------------------------------------------------------------------------------------

    [Fact]
    public void Merge_NetworkInterfacesAndSecurityGroups_KnowsEveryGroupAndDropsTheNoMembersWarning()
    {
        var merged = SecurityGroupInventory.Merge([
            SecurityGroupInventory.Parse("eni.json", NetworkInterfacesJson),
            SecurityGroupInventory.Parse("sg.json", SecurityGroupsJson)]);

        Assert.Equal([Batch, Web, Db], merged.Groups.Select(g => g.Id));
        Assert.Equal(["10.0.2.17/32"], Strings(merged.Groups.Single(g => g.Id == Db).Members));
        Assert.Empty(merged.Groups.Single(g => g.Id == Batch).Members);
        Assert.DoesNotContain(merged.Warnings, w => w.Contains("not their members", StringComparison.Ordinal));
        Assert.Contains(merged.Warnings, w => w.Contains("IPv6", StringComparison.Ordinal));

        var batch = merged.Resolve([Batch], []);
        Assert.Empty(batch.Members);
        Assert.Empty(batch.Unknown);
        var byName = merged.Resolve([], ["batch", "web"]);
        Assert.Equal(["10.0.1.5/32", "10.0.1.6/32", "10.0.2.17/32", "203.0.113.12/32"], Strings(byName.Members));
    }

    [Fact]
    public void Merge_NamesFromOneFileAndMembersFromAnother()
    {
        var merged = SecurityGroupInventory.Merge([
            SecurityGroupInventory.Parse("a.yaml", "securityGroups: [{id: sg-1, members: [10.0.0.1]}]"),
            SecurityGroupInventory.Parse("b.yaml", "securityGroups: [{id: sg-1, name: web, members: [10.0.0.2]}]")]);

        var group = Assert.Single(merged.Groups);
        Assert.Equal("web", group.Name);
        Assert.Equal(["10.0.0.1/32", "10.0.0.2/32"], Strings(group.Members));
    }

    [Fact]
    public void Merge_GroupWithTwoNames_IsAnError_NamingBothPlaces()
    {
        var a = SecurityGroupInventory.Parse("eni.json", NetworkInterfacesJson);
        var b = SecurityGroupInventory.Parse("sg.yaml", "securityGroups:\n  - id: sg-0a1b2c3d4e5f60718\n    name: frontend\n");

        var ex = Assert.Throws<InputException>(() => SecurityGroupInventory.Merge([a, b]));

        var web = LineOf(NetworkInterfacesJson, "\"GroupName\": \"web\"");
        Assert.Equal($"security group sg-0a1b2c3d4e5f60718 is named \"frontend\" at sg.yaml:3 but \"web\" at eni.json:{web}; "
            + "correct one of them, or generate both files again from the same account and region", ex.Message);
    }

    [Fact]
    public void Merge_OfNothing_IsEmpty()
    {
        Assert.Empty(SecurityGroupInventory.Merge([]).Groups);
        Assert.Empty(SecurityGroupInventory.Empty.Groups);
        Assert.Empty(SecurityGroupInventory.Empty.Warnings);
    }

    // ---- Resolve ------------------------------------------------------------------------------------------------

    [Fact]
    public void Resolve_ById_UnionOfTheGroupsMembers_SortedAndDeduplicated()
    {
        var inventory = SecurityGroupInventory.Parse("eni.json", NetworkInterfacesJson);

        var resolution = inventory.Resolve([Db, Web, Db], []);

        Assert.Equal(["10.0.1.5/32", "10.0.1.6/32", "10.0.2.17/32", "203.0.113.12/32"], Strings(resolution.Members));
        Assert.Empty(resolution.Unknown);
    }

    [Fact]
    public void Resolve_ByName()
    {
        var inventory = SecurityGroupInventory.Parse("eni.json", NetworkInterfacesJson);

        Assert.Equal(["10.0.2.17/32"], Strings(inventory.Resolve([], ["db"]).Members));
    }

    [Fact]
    public void Resolve_ByName_MatchesEveryGroupOfThatName()
    {
        const string yaml = """
            securityGroups:
              - {id: sg-1, name: default, members: [10.0.0.1]}
              - {id: sg-2, name: default, members: [10.1.0.1]}
              - {id: sg-3, name: Default, members: [10.2.0.1]}
            """;

        var resolution = SecurityGroupInventory.Parse("sg.yaml", yaml).Resolve([], ["default"]);

        Assert.Equal(["10.0.0.1/32", "10.1.0.1/32"], Strings(resolution.Members));
    }

    [Fact]
    public void Resolve_IdsAndNames_AreJoinedWithAnd_AsEc2JoinsTwoFilters()
    {
        var inventory = SecurityGroupInventory.Parse("eni.json", NetworkInterfacesJson);

        // Cilium sends a group-id filter and a group-name filter; EC2 returns interfaces matching both.
        var resolution = inventory.Resolve([Web], ["db"]);

        Assert.Equal(["10.0.2.17/32"], Strings(resolution.Members));
    }

    [Fact]
    public void Resolve_IdsAndNames_IntersectPrefixesByContainment()
    {
        const string yaml = """
            securityGroups:
              - {id: sg-wide, members: [10.0.0.0/16, "2001:db8::/48"]}
              - {id: sg-hosts, name: hosts, members: [10.0.3.4, 10.1.0.1, "2001:db8::1"]}
              - {id: sg-narrow, name: narrow, members: [10.0.5.0/24]}
            """;
        var inventory = SecurityGroupInventory.Parse("sg.yaml", yaml);

        Assert.Equal(["10.0.3.4/32", "2001:db8::1/128"], Strings(inventory.Resolve(["sg-wide"], ["hosts"]).Members));
        Assert.Equal(["10.0.5.0/24"], Strings(inventory.Resolve(["sg-wide"], ["narrow"]).Members));
        Assert.Empty(inventory.Resolve(["sg-hosts"], ["narrow"]).Members);
    }

    [Fact]
    public void Resolve_UnknownIdsAndNames_AreReported_InOrder_Once()
    {
        var inventory = SecurityGroupInventory.Parse("eni.json", NetworkInterfacesJson);

        var resolution = inventory.Resolve(["sg-0000000000000dead", Web, "sg-0000000000000dead"], ["nope"]);

        Assert.Equal(["sg-0000000000000dead", "nope"], resolution.Unknown);
        Assert.Empty(resolution.Members); // the name filter matches no interface, and EC2 ANDs the two filters
        Assert.Equal(4, inventory.Resolve(["sg-0000000000000dead", Web], []).Members.Count);
    }

    [Fact]
    public void Resolve_Nothing_SelectsNothing()
    {
        var resolution = SecurityGroupInventory.Parse("eni.json", NetworkInterfacesJson).Resolve([], []);

        Assert.Empty(resolution.Members);
        Assert.Empty(resolution.Unknown);
    }

    [Fact]
    public void Resolve_OnTheEmptyInventory_EverythingIsUnknown()
    {
        var resolution = SecurityGroupInventory.Empty.Resolve([Web], ["web"]);

        Assert.Empty(resolution.Members);
        Assert.Equal([Web, "web"], resolution.Unknown);
    }

    [Fact]
    public void Resolve_Ipv6Members()
    {
        var resolution = SecurityGroupInventory.Parse("sg.yaml", PalisadeYaml).Resolve([], ["legacy-vms"]);

        Assert.Equal(["2001:db8:20::7/128", "2001:db8:21::/64"], Strings(resolution.Members.Where(c => c.Network.IsV6)));
    }

    // ---- errors -------------------------------------------------------------------------------------------------

    [Fact]
    public void Error_BadMember_NamesFileLineFieldAndWhatToDo()
    {
        const string yaml = """
            securityGroups:
              - id: sg-0123
                members:
                  - 10.0.1.5
                  - 10.0.300.1
            """;

        Assert.Equal(
            "sg.yaml:5: securityGroups[0].members[1]: \"10.0.300.1\" is not an address or CIDR; write an IPv4/IPv6 address or prefix such as 10.0.1.5 or 10.0.2.0/24",
            Fails(yaml).Message);
    }

    [Fact]
    public void Error_EveryProblemIsListed_InLineOrder()
    {
        const string yaml = """
            securityGroups:
              - id: sg-1
                member: [10.0.0.1]
              - name: web
                members: [10.0.0.0/8, 10.0.0.1/8, "fe80::1%eth0"]
              - id: sg-1
            """;

        var message = Fails(yaml).Message;

        Assert.Equal(
            """
            sg.yaml: 5 problems in the security-group inventory:
              sg.yaml:3: securityGroups[0].member: unknown field "member"; did you mean members? A group has only id, name and members
              sg.yaml:4: securityGroups[1].id: id is missing; give the group's id as a string, e.g. id: sg-0123456789abcdef0
              sg.yaml:5: securityGroups[1].members[1]: "10.0.0.1/8" has bits set after the prefix length; write the network 10.0.0.0/8, or the single address 10.0.0.1
              sg.yaml:5: securityGroups[1].members[2]: "fe80::1%eth0" is not an address or CIDR; write an IPv4/IPv6 address or prefix such as 10.0.1.5 or 10.0.2.0/24
              sg.yaml:6: securityGroups[2].id: security group sg-1 is listed twice (first at line 2); merge the two entries into one
            """.ReplaceLineEndings("\n"),
            message);
    }

    [Fact]
    public void Error_NonStringValues_SayWhatWasFound()
    {
        const string yaml = """
            securityGroups:
              - id: 1234
                name: yes
                members: 10.0.0.1
            """;

        var message = Fails(yaml).Message;

        Assert.Contains("sg.yaml:2: securityGroups[0].id: expected a string, found the number 1234", message, StringComparison.Ordinal);
        Assert.Contains("sg.yaml:3: securityGroups[0].name: expected a string, found the boolean yes; quote the name", message, StringComparison.Ordinal);
        Assert.Contains("sg.yaml:4: securityGroups[0].members: expected a list, found the string \"10.0.0.1\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_NetworkInterfaces_BadAddress_NamesLineAndField()
    {
        var json = NetworkInterfacesJson.Replace("\"PrivateIpAddress\": \"10.0.1.6\"", "\"PrivateIpAddress\": \"10.0.1.256\"", StringComparison.Ordinal);

        var message = Fails(json, "eni.json").Message;

        Assert.StartsWith($"eni.json:{LineOf(json, "10.0.1.256")}: NetworkInterfaces[0].PrivateIpAddresses[1].PrivateIpAddress: \"10.0.1.256\" is not an IP address; "
            + "the AWS CLI does not print this", message);
    }

    [Fact]
    public void Error_NetworkInterfaces_GroupWithoutId()
    {
        var json = NetworkInterfacesJson.Replace("\"GroupId\": \"sg-0fedcba9876543210\"", "\"GroupKey\": \"sg-0fedcba9876543210\"", StringComparison.Ordinal);

        // Reported where the group's mapping starts: the "{" on the line before its first key.
        var line = LineOf(json, "\"GroupName\": \"db\"") - 1;
        Assert.StartsWith($"eni.json:{line}: NetworkInterfaces[1].Groups[1].GroupId: GroupId is missing;", Fails(json, "eni.json").Message);
    }

    [Fact]
    public void Error_NetworkInterfaces_OneGroupWithTwoNames()
    {
        var json = NetworkInterfacesJson.Replace("\"GroupName\": \"web\",\n                    \"GroupId\": \"sg-0a1b2c3d4e5f60718\"\n                },\n                {\n                    \"GroupName\": \"db\"",
            "\"GroupName\": \"www\",\n                    \"GroupId\": \"sg-0a1b2c3d4e5f60718\"\n                },\n                {\n                    \"GroupName\": \"db\"", StringComparison.Ordinal);
        Assert.NotEqual(NetworkInterfacesJson, json);

        var (www, web) = (LineOf(json, "\"GroupName\": \"www\""), LineOf(json, "\"GroupName\": \"web\""));
        Assert.StartsWith($"eni.json:{www}: NetworkInterfaces[1].Groups[0].GroupName: security group sg-0a1b2c3d4e5f60718 is named \"www\" here but \"web\" at eni.json:{web};",
            Fails(json, "eni.json").Message);
    }

    [Fact]
    public void Error_SyntaxError_NamesTheLine()
    {
        var truncated = NetworkInterfacesJson[..NetworkInterfacesJson.IndexOf("\"InterfaceType\"", StringComparison.Ordinal)] + "\"InterfaceType: \"interface\",\n}";

        Assert.Matches(@"^eni\.json:\d+: not valid YAML or JSON: ", Fails(truncated, "eni.json").Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing\n")]
    [InlineData("{}")]
    [InlineData("items: []")]
    [InlineData("[1, 2]")]
    [InlineData("just text")]
    public void Error_UnknownFormat_ListsTheThreeFormats(string text)
    {
        var message = Fails(text, "inv.txt").Message;

        Assert.StartsWith("inv.txt", message);
        Assert.Contains("`aws ec2 describe-network-interfaces`", message, StringComparison.Ordinal);
        Assert.Contains("`aws ec2 describe-security-groups`", message, StringComparison.Ordinal);
        Assert.Contains("securityGroups: [{id: sg-0123456789abcdef0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_UnknownFormat_SuggestsTheKeyItResembles()
    {
        Assert.StartsWith("sg.yaml:1: security_groups: not a security-group inventory: it has none of NetworkInterfaces, SecurityGroups or securityGroups (did you mean",
            Fails("security_groups: []").Message);
    }

    [Fact]
    public void Error_DescribeInstancesOutput_SaysWhichCommandToRun()
    {
        var message = Fails("""{"Reservations": [{"Instances": []}]}""", "i.json").Message;

        Assert.Equal("i.json:1: Reservations: this is the output of `aws ec2 describe-instances`, which Palisade does not read; "
            + "run `aws ec2 describe-network-interfaces --output json` instead: Cilium resolves security groups through network interfaces", message);
    }

    [Fact]
    public void Error_MixedFormats()
    {
        Assert.StartsWith("sg.yaml:2: securityGroups: the file mixes formats: it has both SecurityGroups and securityGroups",
            Fails("SecurityGroups: []\nsecurityGroups: []\n").Message);
    }

    [Fact]
    public void Error_PalisadeFieldsUnderTheAwsKey_PointToTheLowerCaseKey()
    {
        Assert.Contains("the Palisade format is spelled securityGroups (lower-case s)",
            Fails("SecurityGroups:\n  - id: sg-1\n    members: [10.0.0.1]\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_ManyProblems_AreCountedPastTwenty()
    {
        var yaml = "securityGroups:\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"  - {{id: sg-{i}, members: [bad{i}]}}\n"));

        var lines = Fails(yaml).Message.Split('\n');

        Assert.Equal("sg.yaml: 30 problems in the security-group inventory:", lines[0]);
        Assert.Equal(22, lines.Length);
        Assert.Equal("  ... and 10 more", lines[^1]);
    }

    // ---- fuzz ---------------------------------------------------------------------------------------------------

    private static readonly string[] Seeds = [NetworkInterfacesJson, SecurityGroupsJson, PalisadeYaml];

    private static readonly string[] Tokens =
    [
        "", "\"", "'", "{", "}", "[", "]", ",", ":", ": ", "- ", "\n", "\t", "null", "true", "1234", "10.0.300.1", "10.0.0.1/8", "::", "fe80::1%eth0",
        "\"GroupId\"", "\"NetworkInterfaces\"", "securityGroups", "members", "&a ", "*a", "!!binary ", "---\n", "#", "\u00e9", "\ufeff",
    ];

    [Fact]
    public void Fuzz_TruncatedAndMutatedFiles_OnlyEverThrowInputException()
    {
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 20_000], Gen.Int[0, 40], Gen.OneOf(Gen.OneOf(Tokens), Gen.String));
        Gen.Select(Gen.Int[0, Seeds.Length - 1], edit.Array[1, 4], (seed, edits) => edits.Aggregate(Seeds[seed], Apply))
            .Sample(Check, iter: 3_000);
    }

    [Fact]
    public void Fuzz_RandomText_OnlyEverThrowsInputException() =>
        Gen.OneOf(Tokens).Array[0, 40].Select(t => string.Concat(t)).Sample(Check, iter: 2_000);

    private static string Apply(string text, (int Kind, int Position, int Length, string Token) edit)
    {
        var at = edit.Position % (text.Length + 1);
        var length = Math.Min(edit.Length, text.Length - at);
        return edit.Kind switch
        {
            0 => text[..at],
            1 => text.Remove(at, length),
            2 => text.Insert(at, edit.Token),
            _ => text.Remove(at, length).Insert(at, edit.Token),
        };
    }

    private static void Check(string text)
    {
        try
        {
            var inventory = SecurityGroupInventory.Parse("fuzz.json", text);
            Assert.All(inventory.Groups, g => Assert.False(string.IsNullOrEmpty(g.Id)));
            inventory.Resolve(inventory.Groups.Select(g => g.Id), inventory.Groups.Select(g => g.Name).OfType<string>());
        }
        catch (InputException ex)
        {
            if (!ex.Message.StartsWith("fuzz.json", StringComparison.Ordinal) || ex.Message.Contains("   at ", StringComparison.Ordinal))
            {
                throw new XunitException($"malformed message \"{ex.Message}\"\n--- input ---\n{text}\n--- end ---");
            }
        }
        catch (Exception ex)
        {
            throw new XunitException($"Parse threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{text}\n--- end ---\n{ex}");
        }
    }
}
