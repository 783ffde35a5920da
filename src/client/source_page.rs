//! One page of the account's model services for the source list: the query that asks for it
//! (`limit`, `start`, `replyWithCount`, `sort`, a name search) and what the answer means.

use crate::zstack::{ModelServiceInventory, NameSearch, Query};

/// Rows per page.
pub const PAGE_SIZE: u32 = 20;

/// What a row shows, and all a page asks for: a service's YAML and readme may be megabytes.
pub const ROW_FIELDS: &[&str] = &[
    "uuid",
    "name",
    "type",
    "framework",
    "cpuArchitectures",
    "modelServiceImages",
    "createDate",
];

/// Which page of which search (pages count from 0).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageRequest {
    pub search: String,
    pub page: u32,
}

impl PageRequest {
    /// The query: this page by name (ties kept in the node's order), counted, filtered by name
    /// when the search has text, with only the fields a row shows.
    pub fn query(&self) -> Query {
        let mut query = Query::new();
        if let Some(search) = NameSearch::new(&self.search) {
            query = query.condition("name", "~=", &search.pattern());
        }
        query
            .limit(PAGE_SIZE)
            .start(self.page.saturating_mul(PAGE_SIZE))
            .reply_with_count()
            .sort("name", true)
            .fields(ROW_FIELDS)
    }

    /// The page as shown: the node's rows, less those a widened search pattern let through.
    pub fn page_of(&self, rows: Vec<ModelServiceInventory>, total: Option<i64>) -> SourcePage {
        let search = NameSearch::new(&self.search);
        let exact = search.as_ref().is_none_or(NameSearch::is_exact);
        let rows: Vec<ModelServiceInventory> = match &search {
            Some(search) if !exact => rows
                .into_iter()
                .filter(|row| search.matches(row.name.as_deref().unwrap_or_default()))
                .collect(),
            _ => rows,
        };
        // A node that sent no total: at least what this page shows.
        let shown_until = u64::from(self.page) * u64::from(PAGE_SIZE) + rows.len() as u64;
        let total = total.map_or(shown_until, |t| t.max(0) as u64);
        SourcePage {
            rows,
            total,
            total_is_bound: !exact,
            page: self.page,
        }
    }
}

/// A page of sources.
#[derive(Clone, Debug, PartialEq)]
pub struct SourcePage {
    pub rows: Vec<ModelServiceInventory>,
    /// Every match of the search (the node's count).
    pub total: u64,
    /// `total` counts names the widened pattern matched too: it is an upper bound.
    pub total_is_bound: bool,
    pub page: u32,
}

impl SourcePage {
    /// How many pages `total` makes (at least one).
    pub fn page_count(&self) -> u32 {
        let pages = self.total.div_ceil(u64::from(PAGE_SIZE)).max(1);
        u32::try_from(pages).unwrap_or(u32::MAX)
    }

    pub fn has_previous(&self) -> bool {
        self.page > 0
    }

    pub fn has_next(&self) -> bool {
        self.page + 1 < self.page_count()
    }

    /// The page is past the end (the list shrank, or an old address): the last page instead.
    pub fn past_the_end(&self) -> Option<u32> {
        (self.rows.is_empty() && self.total > 0 && self.page >= self.page_count())
            .then(|| self.page_count() - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> ModelServiceInventory {
        ModelServiceInventory {
            name: Some(name.into()),
            ..ModelServiceInventory::default()
        }
    }

    #[test]
    fn queries_a_counted_sorted_page() {
        let first = PageRequest::default();
        assert_eq!(
            first.query().to_query_string(),
            "limit=20&start=0&replyWithCount=true&sort=%2Bname&fields=uuid,name,type,framework,cpuArchitectures,modelServiceImages,createDate"
        );
        let third = PageRequest {
            search: " 50%_x ".into(),
            page: 2,
        };
        assert_eq!(
            third.query().to_query_string(),
            "q=name~=%2550__x%25&limit=20&start=40&replyWithCount=true&sort=%2Bname&fields=uuid,name,type,framework,cpuArchitectures,modelServiceImages,createDate"
        );
    }

    #[test]
    fn exact_searches_keep_rows_and_total() {
        let request = PageRequest {
            search: "qwen".into(),
            page: 0,
        };
        let page = request.page_of(vec![named("Qwen-a"), named("b")], Some(41));
        assert_eq!(
            (page.rows.len(), page.total, page.total_is_bound),
            (2, 41, false)
        );
        assert_eq!(page.page_count(), 3);
        assert!(page.has_next() && !page.has_previous());
    }

    #[test]
    fn widened_searches_drop_rows_that_do_not_contain_the_text() {
        let request = PageRequest {
            search: "50%_off".into(),
            page: 0,
        };
        let page = request.page_of(
            vec![named("50%_OFF sale"), named("50abOFF"), named("x50%_off")],
            Some(3),
        );
        let names: Vec<_> = page.rows.iter().filter_map(|r| r.name.clone()).collect();
        assert_eq!(names, ["50%_OFF sale", "x50%_off"]);
        assert!(page.total_is_bound);
    }

    #[test]
    fn paging_edges() {
        let at = |page, rows: usize, total| {
            PageRequest {
                search: String::new(),
                page,
            }
            .page_of(vec![named("x"); rows], total)
        };
        let empty = at(0, 0, Some(0));
        assert_eq!(
            (empty.page_count(), empty.has_next(), empty.past_the_end()),
            (1, false, None)
        );
        let last = at(2, 5, Some(45));
        assert!(last.has_previous() && !last.has_next());
        let exactly_two = at(1, 20, Some(40));
        assert!(!exactly_two.has_next());
        assert_eq!(at(7, 0, Some(45)).past_the_end(), Some(2));
        // No total from the node: what was shown so far.
        assert_eq!(at(1, 3, None).total, 23);
    }
}
