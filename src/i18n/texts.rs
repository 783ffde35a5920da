//! Every text of the UI, in English and Simplified Chinese.

use super::Lang;

macro_rules! texts {
    ($($name:ident => $en:expr, $zh:expr;)*) => {
        /// A text of the UI.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Text {
            $($name,)*
        }

        impl Text {
            /// Every text, for tests that check both languages.
            pub const ALL: &'static [Text] = &[$(Text::$name,)*];
        }

        /// The text in a language.
        pub fn t(lang: Lang, text: Text) -> &'static str {
            match (text, lang) {
                $(
                    (Text::$name, Lang::En) => $en,
                    (Text::$name, Lang::ZhCn) => $zh,
                )*
            }
        }
    };
}

texts! {
    DialogTitle => "Clone model service", "克隆模型服务";
    Language => "Language", "语言";
    Loading => "Loading the source model service…", "正在加载源模型服务…";
    // The units ZStack does not state (see sim/README.md for what each source says)
    RequestMemoryHint => "ZStack's API does not state the unit. Its own examples (8192 with 4 CPUs, 1024 with 1) read as MiB.",
        "ZStack 的 API 未说明单位。其示例(4 核 8192、1 核 1024)看起来是 MiB。";
    SizeHint => "ZStack's API does not state the unit of the model service's size.",
        "ZStack 的 API 未说明模型服务大小的单位。";
    ConfigInvalid => "This deployment's config.json is not valid, so the dialog cannot start.",
        "此部署的 config.json 无效,对话框无法启动。";
    WaitingForHost => "Waiting for the portal to choose a model service…", "正在等待门户选择模型服务…";
    WaitingForSession => "Your session has expired. Waiting for the portal to sign you in again; your input is kept.",
        "会话已过期。正在等待门户重新登录;您填写的内容已保留。";
    // Unavailable source
    NoSource => "No source model service was given. Open this page with ?uuid=<the uuid of the model service to clone>.",
        "未指定源模型服务。请使用 ?uuid=<要克隆的模型服务 UUID> 打开此页面。";
    BadSource => "The source uuid in the address is not a ZStack uuid (32 hexadecimal digits).",
        "地址中的源 UUID 不是有效的 ZStack UUID(32 位十六进制数字)。";
    SourceNotFound => "No model service with this uuid exists, or you are not allowed to see it.",
        "不存在此 UUID 的模型服务,或您无权查看。";
    SourceFailed => "The source model service could not be loaded.", "无法加载源模型服务。";
    TryAgain => "Try again", "重试";
    // A part of the dialog whose code is loaded when first shown (src/ui/parts.rs)
    PartLoading => "Loading…", "正在加载…";
    PartFailed => "This part of the dialog could not be loaded. Check the connection and try again, or reload the page; your input is kept.",
        "无法加载对话框的这一部分。请检查网络连接后重试,或重新加载页面;您填写的内容已保留。";
    // Login
    LoginIntro => "Log in to ZStack to continue.", "请登录 ZStack 以继续。";
    LoginExpired => "Your session has expired. Log in again; your input is kept.",
        "会话已过期。请重新登录;您填写的内容会保留。";
    AccountName => "Account", "账户";
    Password => "Password", "密码";
    LogIn => "Log in", "登录";
    LoggingIn => "Logging in…", "正在登录…";
    LoggedOut => "You have logged out. Log in again to go on; your input is kept.",
        "您已退出登录。重新登录即可继续;您填写的内容会保留。";
    // Whose session it is (the header)
    SignedInAs => "Signed in as", "当前账户";
    SignedIn => "Signed in", "已登录";
    LogOut => "Log out", "退出登录";
    LoggingOut => "Logging out…", "正在退出登录…";
    LogOutFailed => "Could not log out; the session is still valid.", "未能退出登录,会话仍然有效。";
    LogOutAfterClone => "You can log out once the clone's outcome is known.",
        "克隆结果确定后才能退出登录。";
    // Form sections
    SectionCommon => "General", "基本信息";
    SectionRuntime => "Runtime", "运行环境";
    SectionContainer => "Container", "容器";
    SectionArchitectures => "Architectures and images", "架构与镜像";
    SectionTags => "Tags", "标签";
    SectionAdvanced => "Advanced", "高级";
    SourceLabel => "Source", "源服务";
    OnePerLine => "One per line.", "每行一项。";
    ResourceUuidHint => "Leave empty to generate one.", "留空则自动生成。";
    NotSet => "(not set)", "(未设置)";
    // Rows
    Architecture => "Architecture", "架构";
    VmImage => "VM image uuid", "虚拟机镜像 UUID";
    DockerImage => "Docker image", "Docker 镜像";
    AddArchitecture => "Add architecture", "添加架构";
    RemoveArchitecture => "Remove", "删除";
    RowLabel => "Architecture row", "架构行";
    NoArchitectures => "No architecture rows.", "没有架构行。";
    ChooseArchitecture => "Choose…", "请选择…";
    // Validation
    SummaryTitle => "Fix these problems before cloning:", "克隆前请修正以下问题:";
    NameTakenHint => "Another model service already has this name.", "已有同名的模型服务。";
    // Tag picker
    TagsLoading => "Loading tags…", "正在加载标签…";
    TagsUnavailable => "The tags could not be loaded: enter tag uuids, one per line.",
        "无法加载标签:请输入标签 UUID,每行一个。";
    NoTags => "No tags exist yet.", "暂无标签。";
    NotAmongTags => "not among the tags", "不在标签列表中";
    AddTagUuid => "Add a tag by uuid", "按 UUID 添加标签";
    Add => "Add", "添加";
    // GPU vendor picker
    GpuSpecsLoading => "Loading GPU specs…", "正在加载 GPU 规格…";
    GpuSpecsUnavailable => "The GPU specs could not be loaded. One vendor per line: vendor: spec uuid, spec uuid",
        "无法加载 GPU 规格。每行一个厂商:厂商: 规格 UUID, 规格 UUID";
    GpuVendor => "GPU vendor", "GPU 厂商";
    GpuSpecs => "GPU specs", "GPU 规格";
    ChooseVendor => "Choose…", "请选择…";
    ChooseVendorFirst => "Choose a vendor to see its GPU specs.", "请先选择厂商以查看其 GPU 规格。";
    NoSpecsOfVendor => "No GPU specs of this vendor are known.", "没有此厂商的已知 GPU 规格。";
    UnknownSpec => "unknown GPU spec", "未知 GPU 规格";
    AddVendor => "Add GPU vendor", "添加 GPU 厂商";
    RemoveVendor => "Remove", "删除";
    // Changes and preview
    WhatWillChange => "What will change", "将要修改的内容";
    NothingChanged => "Nothing differs from the source.", "与源服务没有差异。";
    RequestPreview => "Request preview", "请求预览";
    PreviewBlocked => "Fix the problems above to see the request.", "请先修正上面的问题再查看请求。";
    CopyRequest => "Copy", "复制";
    ShowToken => "Show session token", "显示会话令牌";
    HideToken => "Hide session token", "隐藏会话令牌";
    Copied => "Copied.", "已复制。";
    CopyFailed => "The browser did not allow copying: select the text and copy it yourself.",
        "浏览器不允许复制:请选中文本后自行复制。";
    // Actions
    Clone => "Clone", "克隆";
    Cancel => "Cancel", "取消";
    DiscardConfirm => "Discard your changes and close?", "放弃修改并关闭?";
    Closed => "The dialog is closed.", "对话框已关闭。";
    Reopen => "Open again", "重新打开";
    // Job
    Sending => "Sending the clone request…", "正在发送克隆请求…";
    Cloning => "Cloning…", "正在克隆…";
    Elapsed => "Elapsed", "已用时间";
    Attempt => "Attempt", "尝试次数";
    JobHandover => "You may close this dialog: the clone continues in ZStack.",
        "您可以关闭此对话框:克隆会在 ZStack 中继续进行。";
    // Result
    CloneDone => "The model service was cloned.", "模型服务已克隆。";
    NewUuid => "UUID", "新服务 UUID";
    NewName => "Name", "名称";
    Images => "Images", "镜像";
    CopyUuid => "Copy uuid", "复制 UUID";
    CloneAnother => "Clone this source again", "再次克隆此源";
    ChooseAnother => "Choose another source", "选择其他源";
    // The source list (standalone, no ?uuid=); {n}, {page}, {pages}, {q} are filled in
    SourcesTitle => "Choose the model service to clone", "选择要克隆的模型服务";
    SourcesHelp => "Arrow keys move between services, Enter chooses one.", "用方向键在服务之间移动,按 Enter 选择。";
    SearchByName => "Search by name", "按名称搜索";
    SourcesLoading => "Loading the model services…", "正在加载模型服务…";
    SourcesTotal => "{n} model services", "共 {n} 个模型服务";
    SourcesTotalAtMost => "At most {n} model services", "最多 {n} 个模型服务";
    SourcesPage => "Page {page} of {pages}", "第 {page} 页,共 {pages} 页";
    SourcesNone => "This account has no model services.", "此账户没有模型服务。";
    SourcesNoMatch => "No model service name contains “{q}”.", "没有名称包含“{q}”的模型服务。";
    SourcesFailed => "The model services could not be listed.", "无法列出模型服务。";
    PreviousPage => "Previous page", "上一页";
    NextPage => "Next page", "下一页";
    ServiceType => "Type", "类型";
    ServiceFramework => "Framework", "框架";
    ServiceArchitectures => "Architectures", "架构";
    ServiceCreated => "Created", "创建时间";
    LoginExpiredList => "Your session has expired. Log in again to see the model services.", "会话已过期。请重新登录以查看模型服务。";
    // Errors
    CloneFailed => "The clone failed. Your input is kept.", "克隆失败。您填写的内容已保留。";
    CloneNotSent => "The clone was not sent. Your input is kept.", "未发送克隆请求。您填写的内容已保留。";
    ErrorCode => "Code", "错误码";
    ErrorDescription => "Description", "描述";
    ErrorDetails => "Details", "详情";
    ErrorCauses => "Cause chain", "原因链";
    DraftRestored => "Your unsaved changes were restored.", "已恢复您未保存的修改。";
    DraftNotKept => "Your changes could not be kept in this browser tab (its storage is full or disabled): they will be lost if the page reloads.",
        "无法在此浏览器标签页中保存您的修改(存储已满或被禁用):页面重新加载后修改将丢失。";
    // A clone whose outcome is not known
    OutcomeUnknown => "It is not known yet whether the clone was made.", "尚不确定克隆是否已完成。";
    OutcomeUnknownHelp => "ZStack's answer did not arrive or was not ZStack's. Nothing will be cloned twice: Check again asks ZStack about this very request. The form stays as it was sent until the outcome is known.",
        "未收到 ZStack 的应答,或收到的不是 ZStack 的应答。不会重复克隆:“再次检查”会就这同一个请求询问 ZStack。在确定结果之前,表单保持发送时的内容。";
    CloneUuidToLookFor => "The clone's uuid, if it was made", "若已克隆,新服务的 UUID";
    CheckAgain => "Check again", "再次检查";
    DiscardUnknown => "Forget this clone…", "放弃此克隆…";
    DiscardUnknownConfirm => "A model service may already have been cloned from this request. If you forget it, look for its uuid (shown in the dialog) in ZStack before cloning again. Forget it?",
        "可能已经根据此请求克隆出了模型服务。若放弃,请先在 ZStack 中查找其 UUID(见对话框),再重新克隆。确定放弃?";
}
