//! The 27 parameters of CloneModelService, in the API page's order: the one place a parameter is
//! declared. Adding one that ZStack introduces (say a `String` like `containerArgs`) is one row
//! here plus its label in both languages (`i18n/field_texts.rs`, which fails to compile without
//! it).
//!
//! Everything else is derived from these rows: the request's serde types
//! ([`super::CloneParams`], [`super::CloneModelServiceBody`]), the inventory's fields read for
//! the pre-fill ([`super::ModelServiceInventory`]), and in `form` the `Field` enum, the draft's
//! fields and accessors, validation, the diff, the request mapping, the previews and the
//! form's controls. Each of those files expands the table with a small macro of its own that
//! takes the columns it needs ([`clone_model_service_parameters!`] calls it with the rows).
//!
//! A row, one column after the other:
//! - the `Field` variant, the API name, the ZStack version that introduced it;
//! - when it is sent: `changed` (only when it differs from the source: an omitted parameter
//!   keeps the source's value) or `always` (the node gives an omitted one a default of its own:
//!   `size` 0, `system` false, so the form's value is always sent);
//! - its value, which decides every type involved:
//!
//!   | value          | API type | draft (as typed)    | request (`params`) | source (inventory)  |
//!   |----------------|----------|---------------------|--------------------|---------------------|
//!   | `text f`       | String   | `String`            | `Option<String>`   | `Option<String>`    |
//!   | `long f`       | Long     | `String`            | `Option<i64>`      | `Option<i64>`       |
//!   | `integer f`    | Integer  | `String`            | `Option<i32>`      | `Option<i32>`       |
//!   | `boolean f`    | Boolean  | `bool`              | `Option<bool>`     | `Option<bool>`      |
//!   | `list f`       | List     | `KeyedList<String>` | `Option<Vec<..>>`  | none (starts empty) |
//!   | `top_list f`   | List     | `Vec<String>`       | body's top level   | none (starts empty) |
//!   | `url f`        | String   | `String`            | the URL's `{uuid}` | `uuid`              |
//!   | `special {..}` | any      | as written          | as written         | read by hand        |
//!
//!   `f` names the field in every struct. A `list` keeps each item once (its items are
//!   checkboxes: checked or not); a `top_list` keeps what was typed, repeats included. A
//!   `special` parameter's values are converted by hand (in `form`, exhaustive matches over
//!   `form::Special` make the compiler ask for each);
//! - `in <group> <position> <control>`: where the form shows it (absent: not a control of its
//!   own); `Select[...]` lists the valid values (case-sensitive on the node);
//! - `check <rule>`: the rule a text (or each item of a list) must pass, from
//!   `form::text_rules::checks`. Numbers are checked by their type, selects by their values.

/// Calls `$then! { rows }` with the table, each row normalized for the consumers:
///
/// ```text
/// Variant "apiName" "since" sent
///     [kind]                      Text f | Long f | Integer f | Boolean f | List f | TopList f | Url f | Special f
///     [params f: WireType]        the field of `CloneParams` (empty if none)
///     [body f]                    the top-level list of the body (empty if none)
///     [inventory f: Type]         the inventory field read for the pre-fill (empty if none)
///     [draft f: DraftType]        the draft's field (empty if none)
///     [plain f]                   a `params` field converted by its type (not `special`)
///     [special Variant f]         a `special` row's variant (empty otherwise)
///     [group position Control ["valid", ...]]   (empty if no control)
///     [rule]                      (empty if none)
///     ;
/// ```
macro_rules! clone_model_service_parameters {
    ($then:ident) => {
        $crate::zstack::normalize_parameter_rows! { $then;
//  Field                API name               since    sent     value                              form: group, position, control       check
    Uuid                 "uuid"                 "5.3.20" changed  url source_uuid;
    Name                 "name"                 "5.3.20" changed  text name                          in Common 1 Line                     check name;
    Description          "description"          "5.3.20" changed  text description                   in Common 2 Multiline                check description;
    Readme               "readme"               "5.3.20" changed  text readme                        in Advanced 2 Multiline              check readme;
    Size                 "size"                 "5.3.20" always   long size                          in Advanced 4 Number;
    GpuComputeCapability "gpuComputeCapability" "5.3.20" changed  text gpu_compute_capability        in Runtime 5 Short                   check compute_capability;
    InstallPath          "installPath"          "5.3.20" changed  text install_path                  in Runtime 4 Short                   check command;
    StartCommand         "startCommand"         "5.3.20" changed  text start_command                 in Runtime 1 Multiline               check command;
    PythonVersion        "pythonVersion"        "5.3.20" changed  text python_version                in Runtime 2 Short                   check short_text;
    CondaVersion         "condaVersion"         "5.3.20" changed  text conda_version                 in Runtime 3 Short                   check short_text;
    System               "system"               "5.3.20" always   boolean system                     in Advanced 6 Switch;
    Type                 "type"                 "5.3.20" changed  text service_type                  in Common 3 Select["Endpoint", "FineTune", "App", "ModelEval"];
    Yaml                 "yaml"                 "5.3.20" changed  text yaml                          in Advanced 1 Code                   check yaml;
    Source               "source"               "5.3.20" changed  text source                        in Advanced 3 Select["Other", "Bentoml", "HuggingFace"];
    Framework            "framework"            "5.3.20" changed  text framework                     in Common 4 Short                    check short_text;
    RequestCpu           "requestCpu"           "5.3.20" changed  integer request_cpu                in Common 5 Number;
    RequestMemory        "requestMemory"        "5.3.20" changed  long request_memory                in Common 6 Number;
    // Empty in the draft: the clone intent's generated uuid is sent, so it is always sent.
    ResourceUuid         "resourceUuid"         "5.3.20" always   special { params resource_uuid: String, draft resource_uuid: String }
                                                                                                     in Advanced 5 Short;
    TagUuids             "tagUuids"             "5.3.20" changed  list tag_uuids                     in Tags 1 Tags                       check uuid;
    SystemTags           "systemTags"           "5.3.20" changed  top_list system_tags               in Advanced 8 Lines                  check tag;
    UserTags             "userTags"             "5.3.20" changed  top_list user_tags                 in Advanced 9 Lines                  check tag;
    // Derived from the architecture rows, and sent with them.
    CpuArchitectures     "cpuArchitectures"     "5.3.40" changed  special { params cpu_architectures: Vec<String> };
    ArchitectureImages   "architectureImages"   "5.3.40" changed  special { params architecture_images: Vec<ArchitectureImage>,
                                                                            draft architecture_rows: Rows<ArchitectureRow> }
                                                                                                     in Architectures 1 Rows;
    SupportDistributed   "supportDistributed"   "5.3.46" changed  boolean support_distributed        in Runtime 6 Switch;
    ContainerCommand     "containerCommand"     "5.5.22" changed  text container_command             in Container 1 Line                  check command;
    ContainerArgs        "containerArgs"        "5.5.22" changed  text container_args                in Container 2 Line                  check command;
    VendorToSpecUuidsMap "vendorToSpecUuidsMap" "5.5.22" changed  special { params vendor_to_spec_uuids_map: BTreeMap<String, Vec<String>>,
                                                                            draft vendor_specs: Rows<VendorSpecs> }
                                                                                                     in Advanced 7 Vendors;
        }
    };
}

/// Turns the rows as written above into the normalized rows (see the table macro's doc), so
/// that each consumer matches one simple shape.
macro_rules! normalize_parameter_rows {
    ($then:ident; $(
        $v:ident $api:literal $since:literal $sent:ident
        $(url $u:ident)?
        $(text $t:ident)?
        $(long $l:ident)?
        $(integer $i:ident)?
        $(boolean $b:ident)?
        $(list $li:ident)?
        $(top_list $tl:ident)?
        $(special { params $sp:ident : $spt:ty $(, draft $sd:ident : $sdt:ty)? })?
        $(in $group:ident $pos:literal $control:ident $([$($value:literal),*])?)?
        $(check $check:ident)?
    ;)*) => {
        $then! { $(
            $v $api $since $sent
            [$(Url $u)? $(Text $t)? $(Long $l)? $(Integer $i)? $(Boolean $b)? $(List $li)? $(TopList $tl)? $(Special $sp)?]
            [$($t: String)? $($l: i64)? $($i: i32)? $($b: bool)? $($li: Vec<String>)? $($sp: $spt)?]
            [$($tl)?]
            [$($t: String)? $($l: i64)? $($i: i32)? $($b: bool)?]
            [$($u: String)? $($t: String)? $($l: String)? $($i: String)? $($b: bool)? $($li: KeyedList<String>)?
             $($tl: Vec<String>)? $($($sd: $sdt)?)?]
            [$($t)? $($l)? $($i)? $($b)? $($li)?]
            [$($v $sp)?]
            [$($group $pos $control $([$($value),*])?)?]
            [$($check)?]
            ;
        )* }
    };
}

pub(crate) use clone_model_service_parameters;
pub(crate) use normalize_parameter_rows;
