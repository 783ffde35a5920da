//! The texts of the form's fields: each parameter's label (the build fails without one), the
//! hint some fields carry, and the sections' titles.

use super::{Lang, Text};
use crate::form::{Field, Group};

/// The label of a field (every parameter of CloneModelService).
pub fn field_label(lang: Lang, field: Field) -> &'static str {
    let zh = lang == Lang::ZhCn;
    let (en, zh_cn) = match field {
        Field::Uuid => ("Source uuid", "源 UUID"),
        Field::Name => ("Name", "名称"),
        Field::Description => ("Description", "描述"),
        Field::Readme => ("Readme", "说明文档"),
        Field::Size => ("Size", "大小"),
        Field::GpuComputeCapability => ("GPU compute capability", "GPU 计算能力"),
        Field::InstallPath => ("Install path", "安装路径"),
        Field::StartCommand => ("Start command", "启动命令"),
        Field::PythonVersion => ("Python version", "Python 版本"),
        Field::CondaVersion => ("Conda version", "Conda 版本"),
        Field::System => ("System service", "系统服务"),
        Field::Type => ("Type", "类型"),
        Field::Yaml => ("YAML", "YAML 配置"),
        Field::Source => ("Source", "来源"),
        Field::Framework => ("Framework", "框架"),
        Field::RequestCpu => ("CPU cores", "CPU 核数"),
        Field::RequestMemory => ("Memory", "内存"),
        Field::ResourceUuid => ("New uuid (resourceUuid)", "新 UUID(resourceUuid)"),
        Field::TagUuids => ("Tag uuids", "标签 UUID"),
        Field::SystemTags => ("System tags", "系统标签"),
        Field::UserTags => ("User tags", "用户标签"),
        Field::CpuArchitectures => ("CPU architectures", "CPU 架构"),
        Field::ArchitectureImages => ("Architecture images", "架构镜像"),
        Field::SupportDistributed => ("Distributed", "支持分布式"),
        Field::ContainerCommand => ("Container command", "容器命令"),
        Field::ContainerArgs => ("Container arguments", "容器参数"),
        Field::VendorToSpecUuidsMap => ("GPU vendor → spec uuids", "GPU 厂商 → 规格 UUID"),
    };
    if zh {
        zh_cn
    } else {
        en
    }
}

/// The hint shown below a field's control, if it has one.
pub fn field_hint(field: Field) -> Option<Text> {
    match field {
        Field::ResourceUuid => Some(Text::ResourceUuidHint),
        Field::RequestMemory => Some(Text::RequestMemoryHint),
        Field::Size => Some(Text::SizeHint),
        _ => None,
    }
}

/// The title of a section of the form.
pub fn section_title(group: Group) -> Text {
    match group {
        Group::Common => Text::SectionCommon,
        Group::Runtime => Text::SectionRuntime,
        Group::Container => Text::SectionContainer,
        Group::Architectures => Text::SectionArchitectures,
        Group::Tags => Text::SectionTags,
        Group::Advanced => Text::SectionAdvanced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::t;

    /// Every field of the table has a label in both languages, and they differ.
    #[test]
    fn every_field_has_a_label_in_both_languages() {
        for field in Field::ALL {
            let (en, zh) = (field_label(Lang::En, field), field_label(Lang::ZhCn, field));
            assert!(!en.is_empty() && !zh.is_empty(), "{field:?}");
            assert_ne!(en, zh, "{field:?}");
        }
        for group in Group::ALL {
            assert!(!t(Lang::En, section_title(group)).is_empty());
        }
    }
}
